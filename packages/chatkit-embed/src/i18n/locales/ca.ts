import type { ChatKitEmbedStrings } from '../strings.js';

export const strings: ChatKitEmbedStrings = {
  loading: 'S’està carregant el xat…',
  loadFailed: 'No s’ha pogut carregar el xat.',
  connectFailed: 'El xat no s’ha pogut connectar.',
  unavailable: 'El xat no està disponible ara mateix.',
  details: 'Detalls',
  retry: 'Torna-ho a provar',
  chat: 'Xat',
  chatNewReply: 'Xat, resposta nova',
  newReply: 'Resposta nova',
  close: 'Tanca el xat',
};
