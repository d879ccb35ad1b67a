// The snippet builder page: reads the form, shows the install snippet with what is wrong
// with it, and applies the same settings to a live <chatkit-embed> launcher.
import '../../packages/chatkit-embed/src/index.js';
import { TRANSLATED } from '../../packages/chatkit-embed/src/i18n/languages.js';
import {
  DEFAULT_SCRIPT_URL,
  buildSnippet,
  snippetConfig,
  type SnippetField,
  type SnippetInput,
  type SnippetWarning,
} from './build-snippet.js';

const form = document.querySelector<HTMLFormElement>('#builder')!;
const output = document.querySelector<HTMLTextAreaElement>('#snippet')!;
const copyButton = document.querySelector<HTMLButtonElement>('#copy')!;
const copyStatus = document.querySelector<HTMLElement>('#copy-status')!;
const errorList = document.querySelector<HTMLElement>('#errors')!;
const warningList = document.querySelector<HTMLElement>('#warnings')!;
const hostedNotice = document.querySelector<HTMLElement>('#hosted-notice')!;
const preview = document.querySelector('chatkit-embed')!;

// Form controls by the snippet field they fill. The session URL has one control per
// backend, because it means a different endpoint in each.
const CONTROL_IDS: Partial<Record<SnippetField, string>> = {
  scriptUrl: 'script-url',
  apiUrl: 'api-url',
  domainKey: 'domain-key',
  theme: 'theme',
  accentColor: 'accent-color',
  locale: 'locale',
  greeting: 'greeting',
  placeholder: 'placeholder',
  starterPrompts: 'starter-prompts',
  label: 'label',
  position: 'position',
  remember: 'remember',
};
const controlFor = (field: SnippetField, backend: SnippetInput['backend']): HTMLElement | null => {
  const id = field === 'sessionUrl' ? (backend === 'hosted' ? 'session-url' : 'token-url') : CONTROL_IDS[field];
  return id ? document.getElementById(id) : null;
};
// Each control's own hints, to which the current issues are added.
const hints = new Map<HTMLElement, string>();
for (const control of form.querySelectorAll<HTMLElement>('input, select, textarea')) {
  hints.set(control, control.getAttribute('aria-describedby') ?? '');
}

// Whether the dev server can create hosted sessions; unknown when the page is served elsewhere.
let hostedReady: boolean | undefined;
// The preview follows the form after a pause in typing, so that the element does not
// start over (and ask for a new session) on every keystroke.
const PREVIEW_DELAY = 500;
let previewTimer: ReturnType<typeof setTimeout> | undefined;
const previewAttributes = new Set<string>();
let shownIssues = '';

document.querySelector<HTMLInputElement>('#script-url')!.defaultValue = DEFAULT_SCRIPT_URL;

// Every language the element has words for, named in itself and in English.
const inEnglish = new Intl.DisplayNames(['en'], { type: 'language' });
for (const language of TRANSLATED) {
  const own = new Intl.DisplayNames([language], { type: 'language' }).of(language) ?? language;
  const option = new Option(`${own} (${inEnglish.of(language)})`, language);
  option.lang = language;
  document.querySelector<HTMLSelectElement>('#locale')!.append(option);
}

function readForm(): SnippetInput {
  const data = new FormData(form);
  const text = (name: string) => String(data.get(name) ?? '');
  const backend = text('backend') === 'hosted' ? 'hosted' : 'self-hosted';
  return {
    backend,
    scriptUrl: text('scriptUrl'),
    sessionUrl: backend === 'hosted' ? text('sessionUrl') : text('tokenUrl'),
    apiUrl: text('apiUrl'),
    domainKey: text('domainKey'),
    theme: (text('theme') || undefined) as SnippetInput['theme'],
    accentColor: text('accentColor'),
    locale: text('locale') || undefined,
    greeting: text('greeting'),
    placeholder: text('placeholder'),
    starterPrompts: text('starterPrompts').split('\n'),
    label: text('label'),
    position: (text('position') || undefined) as SnippetInput['position'],
    remember: data.has('remember'),
  };
}

function update({ immediatePreview = false } = {}): void {
  const input = readForm();
  for (const fieldset of form.querySelectorAll<HTMLFieldSetElement>('fieldset[data-backend]')) {
    fieldset.hidden = fieldset.dataset.backend !== input.backend;
  }
  const { html, warnings } = buildSnippet(input);
  if (output.value !== html) {
    output.value = html;
    copyStatus.textContent = '';
  }
  showIssues(warnings, input.backend);
  hostedNotice.hidden = input.backend !== 'hosted' || hostedReady !== false;
  clearTimeout(previewTimer);
  if (immediatePreview) applyPreview(input);
  else previewTimer = setTimeout(() => applyPreview(input), PREVIEW_DELAY);
}

function showIssues(warnings: SnippetWarning[], backend: SnippetInput['backend']): void {
  // Redrawn only when they change: the error list is an alert, read out on every change.
  const key = JSON.stringify([backend, warnings]);
  if (key === shownIssues) return;
  shownIssues = key;

  for (const [control, hint] of hints) {
    control.removeAttribute('aria-invalid');
    if (hint) control.setAttribute('aria-describedby', hint);
    else control.removeAttribute('aria-describedby');
  }
  const lists = { error: document.createElement('ul'), warning: document.createElement('ul') };
  warnings.forEach((warning, index) => {
    const item = document.createElement('li');
    item.id = `issue-${index}`;
    item.className = warning.level;
    const level = document.createElement('strong');
    level.textContent = warning.level === 'error' ? 'Error: ' : 'Warning: ';
    item.append(level, warning.message);
    lists[warning.level].append(item);

    const control = controlFor(warning.field, backend);
    if (!control) return;
    if (warning.level === 'error') control.setAttribute('aria-invalid', 'true');
    const describedBy = [control.getAttribute('aria-describedby'), item.id].filter(Boolean).join(' ');
    control.setAttribute('aria-describedby', describedBy);
  });
  errorList.replaceChildren(...(lists.error.childElementCount ? [lists.error] : []));
  warningList.replaceChildren(...(lists.warning.childElementCount ? [lists.warning] : []));
}

function applyPreview(input: SnippetInput): void {
  const { attributes } = snippetConfig(input);
  const wanted = new Map(attributes);
  for (const name of previewAttributes) {
    if (!wanted.has(name)) preview.removeAttribute(name);
  }
  previewAttributes.clear();
  for (const [name, value] of wanted) {
    if (preview.getAttribute(name) !== value) preview.setAttribute(name, value);
    previewAttributes.add(name);
  }
}

async function copySnippet(): Promise<void> {
  copyStatus.textContent = '';
  try {
    // Missing outside secure contexts (a page on plain http), and refused without permission.
    if (!navigator.clipboard) throw new Error('no clipboard');
    await navigator.clipboard.writeText(output.value);
    copyStatus.textContent = 'Copied';
  } catch {
    output.focus();
    output.select();
    copyStatus.textContent = 'This browser did not allow copying. The snippet is selected: press Ctrl+C (Command+C on a Mac).';
  }
}

form.addEventListener('submit', (event) => event.preventDefault());
form.addEventListener('input', () => update());
form.addEventListener('change', () => update());
copyButton.addEventListener('click', () => void copySnippet());

update({ immediatePreview: true });

fetch('/api/demo-status')
  .then((response) => (response.ok ? (response.json() as Promise<{ hosted: boolean }>) : undefined))
  .then((status) => {
    hostedReady = status?.hosted;
    update();
  })
  .catch(() => undefined);
