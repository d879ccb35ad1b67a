import type { ChatKitEmbedStrings } from '../strings.js';

export const strings: ChatKitEmbedStrings = {
  loading: 'Ћаскање се учитава…',
  loadFailed: 'Учитавање ћаскања није успело.',
  connectFailed: 'Повезивање ћаскања није успело.',
  unavailable: 'Ћаскање тренутно није доступно.',
  details: 'Детаљи',
  retry: 'Покушајте поново',
  chat: 'Ћаскање',
  chatNewReply: 'Ћаскање, нови одговор',
  newReply: 'Нови одговор',
  close: 'Затвори ћаскање',
};
