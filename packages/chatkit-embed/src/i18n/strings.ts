/**
 * The element's own words: what a reader sees or hears from the frame around ChatKit
 * (ChatKit translates its own UI from the `locale` option). English lives here, in the
 * shell; every other language is a file of its own under `locales/`, loaded only on a
 * page that needs it.
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

export const english: ChatKitEmbedStrings = {
  loading: 'Loading chat…',
  loadFailed: 'The chat could not load.',
  connectFailed: 'The chat could not connect.',
  unavailable: 'The chat is not available right now.',
  details: 'Details',
  retry: 'Try again',
  chat: 'Chat',
  chatNewReply: 'Chat, new reply',
  newReply: 'New reply',
  close: 'Close chat',
};

/** English with the page's overrides: only the known names, and only non-empty texts. */
export function withOverrides(base: ChatKitEmbedStrings, overrides: Partial<ChatKitEmbedStrings> | null): ChatKitEmbedStrings {
  const result = { ...base };
  for (const name of Object.keys(base) as Array<keyof ChatKitEmbedStrings>) {
    const text: unknown = overrides?.[name];
    if (typeof text === 'string' && text) result[name] = text;
  }
  return result;
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
