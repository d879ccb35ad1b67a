import type { ChatKitEmbedStrings } from '../strings.js';

export const strings: ChatKitEmbedStrings = {
  loading: 'Nilo-load ang chat…',
  loadFailed: 'Hindi ma-load ang chat.',
  connectFailed: 'Hindi makakonekta ang chat.',
  unavailable: 'Hindi available ang chat sa ngayon.',
  details: 'Mga detalye',
  retry: 'Subukang muli',
  chat: 'Chat',
  chatNewReply: 'Chat, bagong sagot',
  newReply: 'Bagong sagot',
  close: 'Isara ang chat',
};
