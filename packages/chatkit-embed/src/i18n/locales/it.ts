import type { ChatKitEmbedStrings } from '../strings.js';

export const strings: ChatKitEmbedStrings = {
  loading: 'Caricamento della chat…',
  loadFailed: 'Impossibile caricare la chat.',
  connectFailed: 'La chat non è riuscita a connettersi.',
  unavailable: 'La chat non è disponibile al momento.',
  details: 'Dettagli',
  retry: 'Riprova',
  chat: 'Chat',
  chatNewReply: 'Chat, nuova risposta',
  newReply: 'Nuova risposta',
  close: 'Chiudi chat',
};
