/**
 * A thread's items as readable entries for the transcript: what the visitor wrote, what
 * the assistant answered, widgets as their texts, tool calls with their arguments, and
 * workflow tasks as titled lines. Everything stays text; a URL becomes a link only when
 * it is http(s), so a `javascript:` URL a visitor or a tool put there never runs.
 *
 * Total: items come from a store that may be older, or from a responder of the site's
 * own, in shapes the types do not promise. Every field is read as what it may be, never
 * as what it should be; an item that still cannot be read becomes an `other` entry, and
 * every text is a string (an object from the store never reaches Lit as a value).
 */
import type { Task, ThreadItem, WidgetRoot } from '../../protocol/types.js';
import type { FeedbackKind } from './api.js';

export interface Link {
  label: string;
  /** Absent when the URL is not http(s): the label is shown as text. */
  href?: string;
}

interface EntryBase {
  id: string;
  createdAt: string;
  feedback?: FeedbackKind;
}

export type Entry = EntryBase &
  (
    | { kind: 'user'; text: string; quoted?: string; attachments: Link[] }
    | { kind: 'assistant'; text: string; sources: Link[] }
    | { kind: 'widget'; label: string; lines: string[] }
    | { kind: 'tool'; name: string; status: string; args: string; output?: string }
    | { kind: 'task'; title: string; lines: string[] }
    | { kind: 'workflow'; title: string; tasks: Array<{ title: string; lines: string[] }> }
    | { kind: 'image'; link: Link }
    | { kind: 'input'; questions: Array<{ question: string; answer: string }> }
    | { kind: 'other'; type: string; unreadable?: boolean }
  );

/** A link target only for http(s) URLs (absolute or relative to the page). */
export function safeHref(url: unknown, base: string): string | undefined {
  if (typeof url !== 'string' || !url) return undefined;
  try {
    const parsed = new URL(url, base);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

export function transcriptEntries(
  items: readonly ThreadItem[] | unknown,
  feedback: Record<string, FeedbackKind> | unknown = {},
  base = 'http://localhost/',
): Entry[] {
  const marks = record(feedback);
  const entries: Entry[] = [];
  for (const [index, raw] of list(items).entries()) {
    const item = record(raw);
    const id = text(item.id) || `item-${index + 1}`;
    const mark = marks[id];
    const common: EntryBase = {
      id,
      createdAt: text(item.created_at),
      ...((mark === 'positive' || mark === 'negative') && { feedback: mark }),
    };
    let entry: EntryBody | undefined;
    try {
      entry = entryOf(item, base);
    } catch {
      entry = { kind: 'other', type: text(item.type) || 'unknown', unreadable: true };
    }
    if (entry) entries.push({ ...common, ...entry } as Entry);
  }
  return entries;
}

type EntryBody = Entry extends infer E ? (E extends EntryBase ? Omit<E, keyof EntryBase> : never) : never;
type Fields = Record<string, unknown>;

/** An object's fields, or none: arrays, strings and null read as an empty object. */
function record(value: unknown): Fields {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Fields) : {};
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** A value as text: strings as they are, numbers and booleans spelt, anything else as JSON. */
export function text(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === undefined || value === null) return '';
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return json(value);
}

function json(value: unknown): string {
  try {
    return JSON.stringify(value, null, 2) ?? '';
  } catch {
    return String(Object.prototype.toString.call(value));
  }
}

const joined = (content: unknown) =>
  list(content)
    .map((part) => text(record(part).text))
    .join('');

function entryOf(item: Fields, base: string): EntryBody | undefined {
  const itemType = text(item.type) as ThreadItem['type'];
  switch (itemType) {
    case 'user_message': {
      const quoted = text(item.quoted_text);
      return {
        kind: 'user',
        text: joined(item.content),
        ...(quoted && { quoted }),
        attachments: list(item.attachments).map((raw) => {
          const file = record(raw);
          return { label: text(file.name) || 'Unnamed file', ...(file.type === 'image' && { href: safeHref(file.preview_url, base) }) };
        }),
      };
    }
    case 'assistant_message':
      return {
        kind: 'assistant',
        text: joined(item.content),
        sources: list(item.content).flatMap((part) =>
          list(record(part).annotations).flatMap((annotation) => {
            const source = record(record(annotation).source);
            if (!Object.keys(source).length) return [];
            const label = text(source.title) || text(source.url) || text(source.filename) || 'Source';
            return [{ label, ...(source.type === 'url' && { href: safeHref(source.url, base) }) }];
          }),
        ),
      };
    case 'widget': {
      const widget = record(item.widget);
      const copy = text(item.copy_text);
      return {
        kind: 'widget',
        label: `${text(widget.type) || 'Unknown'} widget`,
        lines: copy ? [copy] : widgetTexts(widget as WidgetRoot),
      };
    }
    case 'client_tool_call':
      return {
        kind: 'tool',
        name: text(item.name) || 'unnamed',
        status: text(item.status) || 'unknown',
        args: json(item.arguments ?? {}),
        ...(item.output !== undefined && { output: text(item.output) }),
      };
    case 'task':
      return { kind: 'task', ...taskOf(item.task) };
    case 'workflow': {
      const workflow = record(item.workflow);
      const summary = record(workflow.summary);
      const title = text(summary.title) || (summary.duration !== undefined ? `Worked for ${text(summary.duration)} s` : 'Workflow');
      return { kind: 'workflow', title, tasks: list(workflow.tasks).map(taskOf) };
    }
    case 'generated_image':
      return { kind: 'image', link: { label: 'Generated image', href: safeHref(record(item.image).url, base) } };
    case 'structured_input':
      return {
        kind: 'input',
        questions: list(item.inputs).map((raw) => {
          const input = record(raw);
          const answer = record(input.answer);
          const values = list(answer.values).map(text).join(', ');
          return { question: text(input.question), answer: answer.skipped ? '(skipped)' : values || '(no answer)' };
        }),
      };
    case 'end_of_turn':
    case 'hidden_context_item':
    case 'sdk_hidden_context':
      return undefined;
    default:
      // A type this page does not know yet (a newer server): named, not hidden.
      itemType satisfies never;
      return { kind: 'other', type: text(item.type) || 'unknown' };
  }
}

function taskOf(raw: unknown): { title: string; lines: string[] } {
  const task = record(raw);
  const title = text(task.title);
  const taskType = text(task.type) as Task['type'];
  switch (taskType) {
    case 'custom':
    case 'thought': {
      const content = text(task.content);
      return { title: title || (taskType === 'custom' ? 'Task' : 'Thought'), lines: content ? [content] : [] };
    }
    case 'web_search':
      return {
        title: title || text(task.title_query) || 'Web search',
        lines: [
          ...list(task.queries).map((query) => `Searched: ${text(query)}`),
          ...list(task.sources).map((source) => `${text(record(source).title)} (${text(record(source).url)})`),
        ],
      };
    case 'file':
      return { title: title || 'Files', lines: list(task.sources).map((source) => text(record(source).filename)) };
    case 'image':
      return { title: title || 'Image', lines: [] };
    default:
      taskType satisfies never;
      return { title: title || 'Task', lines: [] };
  }
}

const TEXT_FIELDS = new Set(['value', 'text', 'title', 'label', 'content', 'description', 'placeholder', 'alt']);

/** The texts a widget shows, in tree order, for reading without ChatKit's renderer. */
export function widgetTexts(widget: WidgetRoot): string[] {
  const texts: string[] = [];
  const visit = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === 'object')
      for (const [key, value] of Object.entries(node)) {
        if (typeof value === 'string' && TEXT_FIELDS.has(key) && value.trim()) texts.push(value);
        else if (typeof value === 'object') visit(value);
      }
  };
  visit(widget);
  return texts;
}
