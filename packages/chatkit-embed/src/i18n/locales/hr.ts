import type { ChatKitEmbedStrings } from '../strings.js';

export const strings: ChatKitEmbedStrings = {
  loading: 'Učitavanje chata…',
  loadFailed: 'Chat se nije mogao učitati.',
  connectFailed: 'Chat se nije mogao povezati.',
  unavailable: 'Chat trenutačno nije dostupan.',
  details: 'Pojedinosti',
  retry: 'Pokušajte ponovno',
  chat: 'Chat',
  chatNewReply: 'Chat, novi odgovor',
  newReply: 'Novi odgovor',
  close: 'Zatvori chat',
};
