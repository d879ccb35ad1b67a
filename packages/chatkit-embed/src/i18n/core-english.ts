/**
 * English for what the core shows: the loading and error states and the launcher panel's
 * close control. The shell has English for its own texts (`strings.ts`); the two make
 * `english`, every text the element has.
 */
import { shellEnglish, type ChatKitEmbedStrings, type ShellStrings } from './strings.js';

export const coreEnglish: Omit<ChatKitEmbedStrings, keyof ShellStrings> = {
  loading: 'Loading chat…',
  connectFailed: 'The chat could not connect.',
  unavailable: 'The chat is not available right now.',
  details: 'Details',
  close: 'Close chat',
};

/** Every text in English: the names a page may override. */
export const english: ChatKitEmbedStrings = { ...shellEnglish, ...coreEnglish };
