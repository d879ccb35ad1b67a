import type { ChatKitEmbedStrings } from '../strings.js';

export const strings: ChatKitEmbedStrings = {
  loading: 'Разговорот се вчитува…',
  loadFailed: 'Разговорот не можеше да се вчита.',
  connectFailed: 'Разговорот не можеше да се поврзе.',
  unavailable: 'Разговорот моментално не е достапен.',
  details: 'Детали',
  retry: 'Обиди се повторно',
  chat: 'Разговор',
  chatNewReply: 'Разговор, нов одговор',
  newReply: 'Нов одговор',
  close: 'Затвори го разговорот',
};
