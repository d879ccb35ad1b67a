/**
 * The updates that turn one state of a streamed widget into the next, as
 * chatkit-python's `diff_widget` computes them: text appended to `Text` and `Markdown`
 * components with an id streams as `widget.streaming_text.value_delta`; any other
 * change replaces the whole root (`widget.root.updated`).
 */
import type { ThreadItemUpdate, WidgetRoot } from './types.js';

type Node = { type?: unknown; id?: unknown; key?: unknown; value?: unknown; streaming?: unknown; children?: unknown };

const isNode = (value: unknown): value is Node =>
  value !== null && typeof value === 'object' && !Array.isArray(value) && typeof (value as Node).type === 'string';

const isStreamingText = (node: Node) => (node.type === 'Markdown' || node.type === 'Text') && typeof node.value === 'string';

/** True when `after` cannot be reached from `before` by appending text alone. */
function needsFullReplace(before: Node, after: Node): boolean {
  if (before.type !== after.type || before.id !== after.id || before.key !== after.key) return true;
  const fields = new Set([...Object.keys(before), ...Object.keys(after)]);
  for (const field of fields) {
    const a = (before as Record<string, unknown>)[field];
    const b = (after as Record<string, unknown>)[field];
    if (field === 'value' && isStreamingText(before) && isStreamingText(after) && (b as string).startsWith(a as string)) continue;
    if (valueNeedsReplace(a, b)) return true;
  }
  return false;
}

function valueNeedsReplace(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length !== b.length || a.some((item, i) => valueNeedsReplace(item, b[i]));
  }
  if (isNode(a) && isNode(b)) return needsFullReplace(a, b);
  return JSON.stringify(a) !== JSON.stringify(b);
}

function streamingTextNodes(root: Node): Map<string, Node> {
  const found = new Map<string, Node>();
  const visit = (node: Node) => {
    if (isStreamingText(node) && typeof node.id === 'string' && node.id) found.set(node.id, node);
    if (Array.isArray(node.children)) for (const child of node.children) if (isNode(child)) visit(child);
  };
  visit(root);
  return found;
}

export function diffWidget(before: WidgetRoot, after: WidgetRoot): ThreadItemUpdate[] {
  if (needsFullReplace(before, after)) return [{ type: 'widget.root.updated', widget: after }];
  const previous = streamingTextNodes(before);
  const updates: ThreadItemUpdate[] = [];
  for (const [id, node] of streamingTextNodes(after)) {
    const old = previous.get(id);
    if (!old) throw new Error(`Widget node ${id} was not in the first state: nodes with an id must persist across updates.`);
    const was = String(old.value);
    const now = String(node.value);
    if (was === now) continue;
    if (!now.startsWith(was))
      throw new Error(`Widget node ${id} changed to a value that does not extend the old one: updates must append.`);
    updates.push({ type: 'widget.streaming_text.value_delta', component_id: id, delta: now.slice(was.length), done: !node.streaming });
  }
  return updates;
}
