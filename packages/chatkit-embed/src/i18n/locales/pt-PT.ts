import type { ChatKitEmbedStrings } from '../strings.js';

export const strings: ChatKitEmbedStrings = {
  loading: 'A carregar o chat…',
  loadFailed: 'Não foi possível carregar o chat.',
  connectFailed: 'O chat não conseguiu estabelecer ligação.',
  unavailable: 'O chat não está disponível de momento.',
  details: 'Detalhes',
  retry: 'Tentar novamente',
  chat: 'Chat',
  chatNewReply: 'Chat, nova resposta',
  newReply: 'Nova resposta',
  close: 'Fechar chat',
};
