import type { ChatKitEmbedStrings } from '../strings.js';

export const strings: ChatKitEmbedStrings = {
  loading: 'Carregando chat…',
  loadFailed: 'Não foi possível carregar o chat.',
  connectFailed: 'O chat não conseguiu se conectar.',
  unavailable: 'O chat não está disponível no momento.',
  details: 'Detalhes',
  retry: 'Tentar novamente',
  chat: 'Chat',
  chatNewReply: 'Chat, nova resposta',
  newReply: 'Nova resposta',
  close: 'Fechar chat',
};
