import type { ChatKitEmbedStrings } from '../strings.js';

export const strings: ChatKitEmbedStrings = {
  loading: 'Laster inn chat…',
  loadFailed: 'Chatten kunne ikke lastes inn.',
  connectFailed: 'Chatten kunne ikke koble til.',
  unavailable: 'Chatten er ikke tilgjengelig akkurat nå.',
  details: 'Detaljer',
  retry: 'Prøv igjen',
  chat: 'Chat',
  chatNewReply: 'Chat, nytt svar',
  newReply: 'Nytt svar',
  close: 'Lukk chatten',
};
