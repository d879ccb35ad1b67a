import type { ChatKitEmbedStrings } from '../strings.js';

export const strings: ChatKitEmbedStrings = {
  loading: 'Чатът се зарежда…',
  loadFailed: 'Чатът не можа да се зареди.',
  connectFailed: 'Чатът не можа да се свърже.',
  unavailable: 'Чатът в момента не е наличен.',
  details: 'Подробности',
  retry: 'Опитайте отново',
  chat: 'Чат',
  chatNewReply: 'Чат, нов отговор',
  newReply: 'Нов отговор',
  close: 'Затваряне на чата',
};
