/**
 * The one-tag install snippet for static sites and CMSs: a script tag whose `data-*`
 * attributes configure the chat, optionally followed by a JSON block for ChatKit options
 * that do not fit in attributes. Pure and DOM-free, so that it is tested in Node.
 *
 * A value that cannot go in a page (an API key, a `javascript:` URL) is left out and
 * reported; the snippet is always built from what remains.
 */
import { isLocalHostname } from '../../packages/chatkit-embed/src/diagnostics/diagnostics.js';
import { mentionsApiKey } from '../../packages/shared/src/api-key.js';

export const DEFAULT_SCRIPT_URL = 'https://cdn.jsdelivr.net/npm/chatkit-embed@0/dist/cdn/chatkit-embed.js';

export type SnippetBackend = 'hosted' | 'self-hosted';

export interface SnippetInput {
  /** URL of the script-tag bundle. Defaults to jsDelivr's `chatkit-embed@0`. */
  scriptUrl?: string;
  /** `hosted`: sessions from your server for an Agent Builder workflow. `self-hosted`: your own ChatKit server. */
  backend: SnippetBackend;
  /** Hosted: the endpoint that mints client secrets. Self-hosted: the optional bearer-token endpoint. */
  sessionUrl?: string;
  /** Self-hosted: URL of your ChatKit-protocol server. */
  apiUrl?: string;
  /** Self-hosted: the domain key from OpenAI's domain allowlist. */
  domainKey?: string;
  theme?: 'light' | 'dark' | 'auto';
  accentColor?: string;
  greeting?: string;
  placeholder?: string;
  starterPrompts?: readonly string[];
  headerTitle?: string;
  /** The launcher button's visible text. */
  label?: string;
  position?: 'end' | 'start';
  remember?: boolean;
  locale?: string;
  /** ChatKit options that have no attribute; written as a JSON block after the script tag. */
  options?: Readonly<Record<string, unknown>>;
}

export type SnippetField = Exclude<keyof SnippetInput, 'backend'>;

export interface SnippetWarning {
  /** `error`: the snippet will not work as asked, or a value was left out. */
  level: 'error' | 'warning';
  /** The `SnippetInput` field the message is about. */
  field: SnippetField;
  message: string;
}

export interface Snippet {
  html: string;
  warnings: SnippetWarning[];
}

/** What the snippet configures: the element's attributes (no `data-` prefix) and the JSON options. */
export interface SnippetConfig {
  scriptUrl: string;
  /** `[name, value]` in snippet order; `''` is a boolean attribute. */
  attributes: Array<[name: string, value: string]>;
  /** JSON text of the options block, not yet escaped for a script element. */
  optionsJson?: string;
  warnings: SnippetWarning[];
}

// A URL scheme, as the URL parser finds it after dropping leading controls and spaces, tabs
// and newlines (https://url.spec.whatwg.org/#concept-basic-url-parser), so that
// `java\nscript:` and `\x01javascript:` are caught.
const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
const ATTRIBUTE_ESCAPES: Record<string, string> = { '&': '&amp;', '"': '&quot;', "'": '&#39;', '<': '&lt;', '>': '&gt;' };
const THEMES = ['light', 'dark', 'auto'];
const POSITIONS = ['end', 'start'];

const LABELS: Record<SnippetField, string> = {
  scriptUrl: 'The script URL',
  sessionUrl: 'The session URL',
  apiUrl: 'The API URL',
  domainKey: 'The domain key',
  theme: 'The theme',
  accentColor: 'The accent colour',
  greeting: 'The greeting',
  placeholder: 'The placeholder',
  starterPrompts: 'A starter prompt',
  headerTitle: 'The header title',
  label: 'The button label',
  position: 'The position',
  remember: 'Remember',
  locale: 'The locale',
  options: 'The options',
};

export function buildSnippet(input: SnippetInput): Snippet {
  const config = snippetConfig(input);
  const attributes = config.attributes
    .map(([name, value]) => (value === '' ? ` data-${name}` : ` data-${name}="${escapeAttribute(value)}"`))
    .join('');
  let html = `<script src="${escapeAttribute(config.scriptUrl)}" async${attributes}></script>`;
  if (config.optionsJson !== undefined) {
    html += `\n<script type="application/json" data-chatkit-embed-config>${escapeScriptJson(config.optionsJson)}</script>`;
  }
  return { html, warnings: config.warnings };
}

/**
 * The checked configuration behind the snippet, for callers that apply it to an element
 * directly (the builder's live preview) rather than as HTML.
 */
export function snippetConfig(input: SnippetInput): SnippetConfig {
  const warnings: SnippetWarning[] = [];
  const attributes: Array<[string, string]> = [];
  const report = (level: SnippetWarning['level'], field: SnippetField, message: string) => warnings.push({ level, field, message });

  // In self-hosted mode the session URL hands out bearer tokens for your server.
  const label = (field: SnippetField) =>
    field === 'sessionUrl' && input.backend === 'self-hosted' ? 'The token URL (session URL)' : LABELS[field];
  const present = (value: string | undefined): value is string => value !== undefined && value.trim() !== '';
  const safeText = (field: SnippetField, value: string | undefined, leftOut?: string): string | undefined => {
    if (!present(value)) return undefined;
    if (!looksLikeApiKey(value)) return value;
    report('error', field, apiKeyMessage(label(field), leftOut));
    return undefined;
  };
  const safeUrl = (field: SnippetField, value: string | undefined, leftOut = 'it is left out'): string | undefined => {
    const text = safeText(field, value, leftOut)?.trim();
    if (text === undefined) return undefined;
    const issue = checkUrl(text);
    if (issue?.level === 'error') {
      report('error', field, `${label(field)} ${issue.message}, so ${leftOut}.`);
      return undefined;
    }
    if (issue) report('warning', field, `${label(field)} ${issue.message}`);
    return text;
  };
  const add = (name: string, value: string | undefined) => {
    if (value !== undefined) attributes.push([name, value]);
  };

  const scriptUrl = safeUrl('scriptUrl', input.scriptUrl, 'the default one is used') ?? DEFAULT_SCRIPT_URL;

  if (input.backend === 'hosted') {
    add('session-url', safeUrl('sessionUrl', input.sessionUrl));
    if (!present(input.sessionUrl)) {
      report(
        'error',
        'sessionUrl',
        'Hosted mode needs a session URL: an endpoint on your server that creates ChatKit sessions with your API key and returns their client secrets.',
      );
    }
  } else {
    add('api-url', safeUrl('apiUrl', input.apiUrl));
    add('domain-key', safeText('domainKey', input.domainKey)?.trim());
    add('session-url', safeUrl('sessionUrl', input.sessionUrl));
    if (!present(input.apiUrl)) {
      report('error', 'apiUrl', 'Self-hosted mode needs the API URL of your ChatKit server.');
    }
    if (!present(input.domainKey)) {
      report(
        'warning',
        'domainKey',
        'A public site needs a domain key: add the domain to the domain allowlist in your OpenAI organisation settings and use the key it gives you. ' +
          'On localhost any placeholder works, such as domain_pk_localhost_dev.',
      );
    }
  }

  add('theme', oneOf('theme', safeText('theme', input.theme)?.trim(), THEMES, report));
  add('accent-color', safeText('accentColor', input.accentColor)?.trim());
  add('greeting', safeText('greeting', input.greeting));
  add('placeholder', safeText('placeholder', input.placeholder));
  add(
    'starter-prompts',
    starterPrompts(input.starterPrompts, (item) => safeText('starterPrompts', item)),
  );
  add('header-title', safeText('headerTitle', input.headerTitle));
  add('label', safeText('label', input.label));
  add('position', oneOf('position', safeText('position', input.position)?.trim(), POSITIONS, report));
  add('remember', input.remember ? '' : undefined);
  add('locale', safeText('locale', input.locale)?.trim());

  return { scriptUrl, attributes, optionsJson: optionsJson(input.options, report), warnings };
}

/** Escapes text for a double- or single-quoted HTML attribute value. */
export function escapeAttribute(value: string): string {
  return value.replace(/[&"'<>]/g, (c) => ATTRIBUTE_ESCAPES[c]!);
}

/**
 * Makes JSON text safe inside `<script type="application/json">`: `<` becomes `\u003c`, so
 * neither `</script>` nor `<!--` can end or change the element
 * (https://html.spec.whatwg.org/multipage/scripting.html#restrictions-for-contents-of-script-elements).
 * U+2028 and U+2029 are escaped too, for tools that still treat the block as JavaScript.
 */
export function escapeScriptJson(json: string): string {
  return json.replace(/[<\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function looksLikeApiKey(value: string): boolean {
  return mentionsApiKey(value);
}

function apiKeyMessage(what: string, leftOut = 'it is left out'): string {
  return (
    `${what} looks like an OpenAI API key (sk-...), so ${leftOut}. An API key must never go in a page: ` +
    'anyone who views the source can read it and spend on your account. Keep it on your server, ' +
    'where the session endpoint uses it.'
  );
}

function checkUrl(url: string): { level: SnippetWarning['level']; message: string } | undefined {
  // The URL parser drops leading C0 controls and spaces, so this does too.
  // eslint-disable-next-line no-control-regex
  const scheme = SCHEME.exec(url.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+/, ''))?.[1]?.toLowerCase();
  // No scheme: root-relative, relative or protocol-relative, all resolved against the page.
  if (scheme === undefined) return undefined;
  if (scheme !== 'http' && scheme !== 'https') {
    return { level: 'error', message: `uses "${scheme}:"; only http(s) and relative URLs are allowed` };
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { level: 'error', message: 'is not a valid URL' };
  }
  if (scheme === 'http' && !isLocalHostname(parsed.hostname)) {
    return {
      level: 'warning',
      message: 'uses http: on a public host. Browsers block it on https pages (mixed content), and it travels unencrypted; use https:.',
    };
  }
  return undefined;
}

function oneOf(
  field: SnippetField,
  value: string | undefined,
  allowed: readonly string[],
  report: (level: SnippetWarning['level'], field: SnippetField, message: string) => void,
): string | undefined {
  if (value === undefined || allowed.includes(value)) return value;
  report('error', field, `${LABELS[field]} must be one of ${allowed.join(', ')}; "${value}" is left out.`);
  return undefined;
}

/**
 * `First|Second` while no prompt holds a `|`, else a JSON array: the element reads either
 * form, and takes text that starts with `[` as JSON.
 */
function starterPrompts(prompts: readonly string[] | undefined, safe: (prompt: string) => string | undefined): string | undefined {
  const kept = (prompts ?? []).map((prompt) => safe(prompt.trim())).filter((prompt) => prompt !== undefined);
  if (kept.length === 0) return undefined;
  const plain = kept.every((prompt) => !prompt.includes('|')) && !kept[0]!.startsWith('[');
  return plain ? kept.join('|') : JSON.stringify(kept);
}

function optionsJson(
  options: Readonly<Record<string, unknown>> | undefined,
  report: (level: SnippetWarning['level'], field: SnippetField, message: string) => void,
): string | undefined {
  if (options === undefined || options === null || Object.keys(options).length === 0) return undefined;
  let json: string;
  try {
    json = JSON.stringify(options);
  } catch {
    report('error', 'options', 'The options cannot be written as JSON (a cycle or a BigInt?), so they are left out.');
    return undefined;
  }
  const keyAt = findApiKey(JSON.parse(json) as unknown, 'options');
  if (keyAt !== undefined) {
    report('error', 'options', apiKeyMessage(keyAt, 'the options block is left out'));
    return undefined;
  }
  return json;
}

/** Path of the first string in parsed JSON that looks like an API key. */
function findApiKey(value: unknown, path: string): string | undefined {
  if (typeof value === 'string') return looksLikeApiKey(value) ? path : undefined;
  if (value === null || typeof value !== 'object') return undefined;
  for (const [key, child] of Object.entries(value)) {
    const hit = findApiKey(child, Array.isArray(value) ? `${path}[${key}]` : `${path}.${key}`);
    if (hit !== undefined) return hit;
  }
  return undefined;
}
