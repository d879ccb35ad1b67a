/**
 * A thread's items as readable entries for the transcript: what the visitor wrote, what
 * the assistant answered, widgets as their texts, tool calls with their arguments, and
 * workflow tasks as titled lines. Everything stays text; a URL becomes a link only when
 * it is http(s), so a `javascript:` URL a visitor or a tool put there never runs.
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
    | { kind: 'other'; type: string }
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
  items: readonly ThreadItem[],
  feedback: Record<string, FeedbackKind> = {},
  base = 'http://localhost/',
): Entry[] {
  const entries: Entry[] = [];
  for (const item of items) {
    const common: EntryBase = { id: item.id, createdAt: item.created_at, ...(feedback[item.id] && { feedback: feedback[item.id] }) };
    const entry = entryOf(item, base);
    if (entry) entries.push({ ...common, ...entry } as Entry);
  }
  return entries;
}

type EntryBody = Entry extends infer E ? (E extends EntryBase ? Omit<E, keyof EntryBase> : never) : never;

function entryOf(item: ThreadItem, base: string): EntryBody | undefined {
  switch (item.type) {
    case 'user_message':
      return {
        kind: 'user',
        text: (item.content ?? []).map((part) => part.text).join(''),
        ...(item.quoted_text && { quoted: item.quoted_text }),
        attachments: (item.attachments ?? []).map((file) => ({
          label: file.name,
          ...(file.type === 'image' && { href: safeHref(file.preview_url, base) }),
        })),
      };
    case 'assistant_message':
      return {
        kind: 'assistant',
        text: (item.content ?? []).map((part) => part.text).join(''),
        sources: (item.content ?? []).flatMap((part) =>
          (part.annotations ?? []).map(({ source }) => ({
            label: source.title,
            ...(source.type === 'url' && { href: safeHref(source.url, base) }),
          })),
        ),
      };
    case 'widget':
      return { kind: 'widget', label: `${item.widget.type} widget`, lines: item.copy_text ? [item.copy_text] : widgetTexts(item.widget) };
    case 'client_tool_call':
      return {
        kind: 'tool',
        name: item.name,
        status: item.status,
        args: JSON.stringify(item.arguments ?? {}, null, 2),
        ...(item.output !== undefined && { output: typeof item.output === 'string' ? item.output : JSON.stringify(item.output, null, 2) }),
      };
    case 'task':
      return { kind: 'task', ...taskOf(item.task) };
    case 'workflow': {
      const summary = item.workflow.summary;
      const title = summary && 'title' in summary ? summary.title : summary ? `Worked for ${summary.duration} s` : 'Workflow';
      return { kind: 'workflow', title, tasks: (item.workflow.tasks ?? []).map(taskOf) };
    }
    case 'generated_image':
      return { kind: 'image', link: { label: 'Generated image', href: safeHref(item.image?.url, base) } };
    case 'structured_input':
      return {
        kind: 'input',
        questions: (item.inputs ?? []).map((input) => ({
          question: input.question,
          answer: input.answer?.skipped ? '(skipped)' : (input.answer?.values ?? []).join(', ') || '(no answer)',
        })),
      };
    case 'end_of_turn':
    case 'hidden_context_item':
    case 'sdk_hidden_context':
      return undefined;
    default:
      // A type this page does not know yet (a newer server): named, not hidden.
      item satisfies never;
      return { kind: 'other', type: String((item as { type?: unknown }).type) };
  }
}

function taskOf(task: Task): { title: string; lines: string[] } {
  switch (task.type) {
    case 'custom':
      return { title: task.title ?? 'Task', lines: task.content ? [task.content] : [] };
    case 'thought':
      return { title: task.title ?? 'Thought', lines: [task.content] };
    case 'web_search':
      return {
        title: task.title ?? task.title_query ?? 'Web search',
        lines: [
          ...(task.queries ?? []).map((query) => `Searched: ${query}`),
          ...(task.sources ?? []).map((source) => `${source.title} (${source.url})`),
        ],
      };
    case 'file':
      return { title: task.title ?? 'Files', lines: (task.sources ?? []).map((source) => source.filename) };
    case 'image':
      return { title: task.title ?? 'Image', lines: [] };
    default:
      task satisfies never;
      return { title: 'Task', lines: [] };
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
