import type { ChatKitEmbedStrings } from '../strings.js';

export const strings: ChatKitEmbedStrings = {
  loading: 'Загрузка чата…',
  loadFailed: 'Не удалось загрузить чат.',
  connectFailed: 'Не удалось подключиться к чату.',
  unavailable: 'Чат сейчас недоступен.',
  details: 'Подробности',
  retry: 'Повторить попытку',
  chat: 'Чат',
  chatNewReply: 'Чат, новый ответ',
  newReply: 'Новый ответ',
  close: 'Закрыть чат',
};
