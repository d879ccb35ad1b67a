import type { ChatKitEmbedStrings } from '../strings.js';

export const strings: ChatKitEmbedStrings = {
  loading: 'Se încarcă chatul…',
  loadFailed: 'Chatul nu a putut fi încărcat.',
  connectFailed: 'Chatul nu s-a putut conecta.',
  unavailable: 'Chatul nu este disponibil momentan.',
  details: 'Detalii',
  retry: 'Încercați din nou',
  chat: 'Chat',
  chatNewReply: 'Chat, răspuns nou',
  newReply: 'Răspuns nou',
  close: 'Închideți chatul',
};
