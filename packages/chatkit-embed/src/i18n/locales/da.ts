import type { ChatKitEmbedStrings } from '../strings.js';

export const strings: ChatKitEmbedStrings = {
  loading: 'Indlæser chat…',
  loadFailed: 'Chatten kunne ikke indlæses.',
  connectFailed: 'Chatten kunne ikke oprette forbindelse.',
  unavailable: 'Chatten er ikke tilgængelig lige nu.',
  details: 'Detaljer',
  retry: 'Prøv igen',
  chat: 'Chat',
  chatNewReply: 'Chat, nyt svar',
  newReply: 'Nyt svar',
  close: 'Luk chatten',
};
