import type { ChatKitEmbedStrings } from '../strings.js';

export const strings: ChatKitEmbedStrings = {
  loading: 'Завантаження чату…',
  loadFailed: 'Не вдалося завантажити чат.',
  connectFailed: 'Не вдалося підключитися до чату.',
  unavailable: 'Чат зараз недоступний.',
  details: 'Подробиці',
  retry: 'Спробувати ще раз',
  chat: 'Чат',
  chatNewReply: 'Чат, нова відповідь',
  newReply: 'Нова відповідь',
  close: 'Закрити чат',
};
