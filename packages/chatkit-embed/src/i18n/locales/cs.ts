import type { ChatKitEmbedStrings } from '../strings.js';

export const strings: ChatKitEmbedStrings = {
  loading: 'Načítání chatu…',
  loadFailed: 'Chat se nepodařilo načíst.',
  connectFailed: 'Chat se nepodařilo připojit.',
  unavailable: 'Chat momentálně není k dispozici.',
  details: 'Podrobnosti',
  retry: 'Zkusit znovu',
  chat: 'Chat',
  chatNewReply: 'Chat, nová odpověď',
  newReply: 'Nová odpověď',
  close: 'Zavřít chat',
};
