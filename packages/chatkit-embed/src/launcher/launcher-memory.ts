/**
 * The launcher's opt-in memory (`remember`): whether the panel was open and which
 * thread was showing, kept in `localStorage` so a reader moving between the pages of a
 * static site finds the conversation where they left it. One entry per backend endpoint
 * (and element id), so two chats on one site keep apart. Storage that is full, disabled
 * or blocked (private modes, sandboxed frames) makes it forget quietly: memory is a
 * convenience, never a reason for the chat to fail.
 */
export interface LauncherMemory {
  open: boolean;
  threadId: string | null;
}

const PREFIX = 'chatkit-embed:';

/** Origin and path of the endpoint: a query may hold a rotating token, never to be stored. */
export function memoryKey(endpoint: string | null | undefined, id: string, base: string): string {
  let where = endpoint ?? '';
  try {
    const url = new URL(where, base);
    where = url.origin + url.pathname;
  } catch {
    // An unparsable endpoint keys as written; the chat itself reports it.
  }
  return `${PREFIX}${where}${id ? `#${id}` : ''}`;
}

export function recall(key: string): LauncherMemory | undefined {
  try {
    const value = JSON.parse(localStorage.getItem(key) ?? 'null') as Partial<LauncherMemory> | null;
    if (!value || typeof value !== 'object') return undefined;
    return {
      open: value.open === true,
      threadId: typeof value.threadId === 'string' ? value.threadId : null,
    };
  } catch {
    return undefined;
  }
}

export function remember(key: string, memory: LauncherMemory): void {
  try {
    localStorage.setItem(key, JSON.stringify(memory));
  } catch {
    // Full or unavailable: see above.
  }
}
