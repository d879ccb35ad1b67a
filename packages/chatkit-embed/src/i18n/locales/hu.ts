import type { ChatKitEmbedStrings } from '../strings.js';

export const strings: ChatKitEmbedStrings = {
  loading: 'Chat betöltése…',
  loadFailed: 'Nem sikerült betölteni a chatet.',
  connectFailed: 'A chat nem tudott csatlakozni.',
  unavailable: 'A chat jelenleg nem érhető el.',
  details: 'Részletek',
  retry: 'Újrapróbálkozás',
  chat: 'Chat',
  chatNewReply: 'Chat, új válasz',
  newReply: 'Új válasz',
  close: 'Chat bezárása',
};
