/**
 * Builds the complete `ChatKitOptions` that `setOptions` receives.
 *
 * Precedence, lowest first:
 *   1. the `options` property (any ChatKit option, functions included);
 *   2. the attributes, each overriding only the field it names;
 *   3. `api`, which the element always derives from `session-url`, `api-url`,
 *      `domain-key` and `getClientSecret` when any of them is set.
 *
 * `setOptions` replaces rather than merges, so the result is always whole.
 */
import type { ChatKitOptions, ThemeOption } from '@openai/chatkit';
import type { ParsedAttributes } from '../element/attribute-parsers.js';

export interface BuildInput {
  options?: Partial<ChatKitOptions> | null;
  attributes: ParsedAttributes;
  api: ChatKitOptions['api'];
  /** What `prefers-color-scheme` says now, for `theme="auto"`. */
  prefersDark: boolean;
}

export function buildOptions({ options, attributes: a, api, prefersDark }: BuildInput): ChatKitOptions {
  const result: ChatKitOptions = { ...options, api };
  const theme = buildTheme(options?.theme, a, prefersDark);
  if (theme) result.theme = theme;
  if (a.locale) result.locale = a.locale;
  if (a.frameTitle) result.frameTitle = a.frameTitle;
  if (a.threadId) result.initialThread = a.threadId;
  if (a.greeting || a.starterPrompts) {
    result.startScreen = { ...options?.startScreen };
    if (a.greeting) result.startScreen.greeting = a.greeting;
    if (a.starterPrompts) result.startScreen.prompts = a.starterPrompts;
  }
  if (a.placeholder) result.composer = { ...options?.composer, placeholder: a.placeholder };
  if (a.headerTitle) {
    const header = options?.header;
    result.header = { ...header, title: { ...header?.title, text: a.headerTitle } };
  }
  if (a.noHistory) result.history = { ...options?.history, enabled: false };
  if (a.disclaimer) result.disclaimer = { ...options?.disclaimer, text: a.disclaimer };
  return result;
}

function buildTheme(base: ChatKitOptions['theme'], a: ParsedAttributes, prefersDark: boolean): ChatKitOptions['theme'] {
  if (!a.theme && !a.accentColor && !a.radius && !a.density) return base;
  const theme: ThemeOption = typeof base === 'string' ? { colorScheme: base } : { ...base };
  if (a.theme) theme.colorScheme = a.theme === 'auto' ? (prefersDark ? 'dark' : 'light') : a.theme;
  if (a.radius) theme.radius = a.radius;
  if (a.density) theme.density = a.density;
  if (a.accentColor) {
    const accent = theme.color?.accent;
    theme.color = { ...theme.color, accent: { level: 1, ...accent, primary: a.accentColor } };
  }
  return theme;
}

/**
 * Structural equality for option objects: plain objects and arrays by content, anything
 * else (functions included) by identity. Decides whether `setOptions` must run again.
 */
export function sameOptions(a: unknown, b: unknown, depth = 0): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  // Options this deep are a cycle or a mistake; calling them different is safe.
  if (depth > MAX_DEPTH || Array.isArray(a) !== Array.isArray(b)) return false;
  if (!isPlain(a) || !isPlain(b)) return false;
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (keysA.length !== keysB.length) return false;
  return keysA.every(
    (key) =>
      Object.prototype.hasOwnProperty.call(b, key) &&
      sameOptions((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], depth + 1),
  );
}

/**
 * A copy of the plain objects and arrays in `value` (functions and class instances are
 * kept as they are), so that what was sent can be compared with what the page later
 * changes in place.
 */
export function snapshot<T>(value: T, depth = 0): T {
  if (value === null || typeof value !== 'object' || depth > MAX_DEPTH || !isPlain(value)) return value;
  if (Array.isArray(value)) return value.map((item) => snapshot(item, depth + 1)) as T;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, snapshot(v, depth + 1)])) as T;
}

const MAX_DEPTH = 32;

function isPlain(value: object): boolean {
  if (Array.isArray(value)) return true;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
