/**
 * The element's own words: what a reader sees or hears from the frame around ChatKit
 * (ChatKit translates its own UI from the `locale` option). English for what the shell
 * shows lives here; the core brings English for the rest (`core-english.ts`). Every
 * other language is a file of its own under `locales/`, loaded only on a page that
 * needs it.
 */
export interface ChatKitEmbedStrings {
  /** The loading state. */
  loading: string;
  /** The error state's title when ChatKit's script (or the element's core) could not load. */
  loadFailed: string;
  /** The error state's title when the chat's server could not be reached or refused the session. */
  connectFailed: string;
  /** The error state's title when the site's chat is set up wrongly: the reader cannot fix it, and "Try again" is hidden. */
  unavailable: string;
  /** The summary of the error state's technical details (written for the site owner, in English). */
  details: string;
  /** The error state's button. */
  retry: string;
  /** Launcher: the button's accessible name, and the panel's when `header-title` is not set. */
  chat: string;
  /** Launcher: the button's accessible name while a reply waits unread. */
  chatNewReply: string;
  /** Launcher: the hidden note after a visible `label` while a reply waits unread. */
  newReply: string;
  /** Launcher: the accessible name of the full-screen panel's close button. */
  close: string;
}

/** What the shell shows itself: the launcher's button, and the notice for a core that did not load. */
export type ShellStrings = Pick<ChatKitEmbedStrings, 'loadFailed' | 'retry' | 'chat' | 'chatNewReply' | 'newReply'>;

/** The texts of one language: a translation has them all; English in the shell, only the shell's. */
export type LoadedStrings = ShellStrings & Partial<ChatKitEmbedStrings>;

export const shellEnglish: ShellStrings = {
  loadFailed: 'The chat could not load.',
  retry: 'Try again',
  chat: 'Chat',
  chatNewReply: 'Chat, new reply',
  newReply: 'New reply',
};

/**
 * The texts with the page's overrides, the non-empty ones. A name the element does not
 * know is carried along unread (the connector reports it), so that the shell need not
 * know the names only the core uses.
 */
export function withOverrides<T extends LoadedStrings>(base: T, overrides: Partial<ChatKitEmbedStrings> | null): T {
  const result: Record<string, string> = { ...base };
  for (const [name, text] of Object.entries(overrides ?? {})) if (typeof text === 'string' && text) result[name] = text;
  return result as T;
}

/**
 * The `strings` attribute: a JSON object. Anything else gives `null` here (an attribute
 * must never throw) and is reported by the connector, which names the problem.
 */
export const stringsConverter = {
  fromAttribute(value: string | null): Partial<ChatKitEmbedStrings> | null {
    try {
      const parsed: unknown = JSON.parse(value ?? '');
      return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Partial<ChatKitEmbedStrings>) : null;
    } catch {
      return null;
    }
  },
};
