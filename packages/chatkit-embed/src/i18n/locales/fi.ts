import type { ChatKitEmbedStrings } from '../strings.js';

export const strings: ChatKitEmbedStrings = {
  loading: 'Ladataan chattia…',
  loadFailed: 'Chattia ei voitu ladata.',
  connectFailed: 'Chat ei saanut yhteyttä.',
  unavailable: 'Chat ei ole juuri nyt käytettävissä.',
  details: 'Lisätiedot',
  retry: 'Yritä uudelleen',
  chat: 'Chat',
  chatNewReply: 'Chat, uusi vastaus',
  newReply: 'Uusi vastaus',
  close: 'Sulje chat',
};
