/**
 * Turns the element's string attributes into typed ChatKit values. A bad value becomes
 * a `ConfigIssue` naming the attribute, and is left out; it never throws.
 */
import type { StartScreenPrompt, SupportedLocale, ThemeOption } from '@openai/chatkit';
import { looksLikeApiKey } from '../secrets/secret-guard.js';
import { english } from '../i18n/core-english.js';

export type ThemeAttribute = 'light' | 'dark' | 'auto';
export type RadiusAttribute = NonNullable<ThemeOption['radius']>;
export type DensityAttribute = NonNullable<ThemeOption['density']>;

/** The attributes as the element holds them: strings, or absent. */
export interface RawAttributes {
  theme?: string | null;
  accentColor?: string | null;
  radius?: string | null;
  density?: string | null;
  locale?: string | null;
  greeting?: string | null;
  placeholder?: string | null;
  starterPrompts?: string | null;
  headerTitle?: string | null;
  noHistory?: boolean;
  threadId?: string | null;
  disclaimer?: string | null;
  frameTitle?: string | null;
}

export interface ParsedAttributes {
  theme?: ThemeAttribute;
  accentColor?: string;
  radius?: RadiusAttribute;
  density?: DensityAttribute;
  locale?: SupportedLocale;
  greeting?: string;
  placeholder?: string;
  starterPrompts?: StartScreenPrompt[];
  headerTitle?: string;
  noHistory?: true;
  threadId?: string;
  disclaimer?: string;
  frameTitle?: string;
}

export interface ConfigIssue {
  /** The attribute name as written in HTML, e.g. `accent-color`. */
  attribute: string;
  message: string;
}

export const THEMES: readonly ThemeAttribute[] = ['light', 'dark', 'auto'];
export const RADII: readonly RadiusAttribute[] = ['pill', 'round', 'soft', 'sharp'];
export const DENSITIES: readonly DensityAttribute[] = ['compact', 'normal', 'spacious'];

const COLOR = /^(#[0-9a-f]{3,4}|#[0-9a-f]{6}|#[0-9a-f]{8}|[a-z]+|(rgba?|hsla?|hwb|lab|lch|oklab|oklch|color)\([^()]*\))$/i;
const LOCALE = /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i;

export function parseAttributes(raw: RawAttributes): {
  value: ParsedAttributes;
  issues: ConfigIssue[];
} {
  const value: ParsedAttributes = {};
  const issues: ConfigIssue[] = [];
  const oneOf = <T extends string>(attribute: string, text: string | null | undefined, allowed: readonly T[]): T | undefined => {
    if (text == null) return undefined;
    const normal = text.trim().toLowerCase();
    if ((allowed as readonly string[]).includes(normal)) return normal as T;
    issues.push({
      attribute,
      message: `${attribute}=${quote(text)} is not one of ${allowed.join(', ')}; it is ignored.`,
    });
    return undefined;
  };
  const matching = (attribute: string, text: string | null | undefined, pattern: RegExp, what: string) => {
    if (text == null) return undefined;
    const trimmed = text.trim();
    if (pattern.test(trimmed)) return trimmed;
    issues.push({ attribute, message: `${attribute}=${quote(text)} is not ${what}; it is ignored.` });
    return undefined;
  };
  const text = (t: string | null | undefined) => (t == null || t === '' ? undefined : t);

  const theme = oneOf('theme', raw.theme, THEMES);
  const accentColor = matching('accent-color', raw.accentColor, COLOR, 'a CSS colour');
  const radius = oneOf('radius', raw.radius, RADII);
  const density = oneOf('density', raw.density, DENSITIES);
  const locale = matching('locale', raw.locale, LOCALE, 'a language tag such as "en" or "fr-CA"');
  const prompts = parseStarterPrompts(raw.starterPrompts);
  if (prompts.issue) issues.push({ attribute: 'starter-prompts', message: prompts.issue });

  assign(value, 'theme', theme);
  assign(value, 'accentColor', accentColor);
  assign(value, 'radius', radius);
  assign(value, 'density', density);
  assign(value, 'locale', locale as SupportedLocale | undefined);
  assign(value, 'greeting', text(raw.greeting));
  assign(value, 'placeholder', text(raw.placeholder));
  assign(value, 'starterPrompts', prompts.value);
  assign(value, 'headerTitle', text(raw.headerTitle));
  assign(value, 'noHistory', raw.noHistory ? true : undefined);
  assign(value, 'threadId', text(raw.threadId?.trim()));
  assign(value, 'disclaimer', text(raw.disclaimer));
  assign(value, 'frameTitle', text(raw.frameTitle));
  return { value, issues };
}

/**
 * `starter-prompts` is either plain text with prompts separated by `|`
 * (`"What can you do?|Track my order"`), or a JSON array of strings and
 * `{ label, prompt, icon? }` objects.
 */
export function parseStarterPrompts(text: string | null | undefined): {
  value?: StartScreenPrompt[];
  issue?: string;
} {
  if (text == null || text.trim() === '') return {};
  const trimmed = text.trim();
  if (!trimmed.startsWith('[')) {
    const value = trimmed
      .split('|')
      .map((part) => part.trim())
      .filter(Boolean)
      .map((prompt) => ({ label: prompt, prompt }));
    return { value };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(trimmed);
  } catch {
    return { issue: 'starter-prompts looks like JSON but does not parse; it is ignored.' };
  }
  const value: StartScreenPrompt[] = [];
  for (const entry of parsed as unknown[]) {
    if (typeof entry === 'string' && entry.trim()) {
      value.push({ label: entry.trim(), prompt: entry.trim() });
    } else if (isPromptObject(entry)) {
      value.push(entry);
    } else {
      return {
        issue: 'starter-prompts must hold strings or { "label", "prompt", "icon"? } objects; it is ignored.',
      };
    }
  }
  return { value };
}

function isPromptObject(entry: unknown): entry is StartScreenPrompt {
  if (entry === null || typeof entry !== 'object') return false;
  const { label, prompt, icon } = entry as Record<string, unknown>;
  return (
    typeof label === 'string' && (typeof prompt === 'string' || Array.isArray(prompt)) && (icon === undefined || typeof icon === 'string')
  );
}

/** The value for a message, unless it could be a secret: messages reach events and logs. */
function quote(text: string): string {
  return looksLikeApiKey(text) ? '(a value that looks like an API key)' : JSON.stringify(text);
}

function assign<K extends keyof ParsedAttributes>(target: ParsedAttributes, key: K, value: ParsedAttributes[K] | undefined): void {
  if (value !== undefined) target[key] = value;
}

/**
 * Problems with `strings`: an attribute that is not a JSON object, a name the element
 * has no text for (a typo would otherwise change nothing, silently), a value that is
 * not text. The element uses what is right and ignores the rest.
 */
export function stringsIssues(strings: unknown, attributeText: string | null): ConfigIssue[] {
  if (!strings) {
    return attributeText === null
      ? []
      : [{ attribute: 'strings', message: `strings=${quote(attributeText)} is not a JSON object; it is ignored.` }];
  }
  // Set from script as something else than an object (a JSON string, say): one problem.
  if (typeof strings !== 'object' || Array.isArray(strings)) {
    return [{ attribute: 'strings', message: 'strings must be an object of texts by name, such as { retry: "Reload" }; it is ignored.' }];
  }
  const issues: ConfigIssue[] = [];
  for (const [name, text] of Object.entries(strings)) {
    if (!Object.hasOwn(english, name)) {
      issues.push({
        attribute: 'strings',
        message: `strings has no text named ${JSON.stringify(name)}; the names are ${Object.keys(english).join(', ')}.`,
      });
    } else if (typeof text !== 'string' || !text) {
      issues.push({ attribute: 'strings', message: `strings.${name} must be a non-empty string; it is ignored.` });
    }
  }
  return issues;
}
