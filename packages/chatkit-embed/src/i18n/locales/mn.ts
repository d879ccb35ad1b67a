import type { ChatKitEmbedStrings } from '../strings.js';

export const strings: ChatKitEmbedStrings = {
  loading: 'Чатыг ачаалж байна…',
  loadFailed: 'Чатыг ачаалж чадсангүй.',
  connectFailed: 'Чат холбогдож чадсангүй.',
  unavailable: 'Чат одоогоор боломжгүй байна.',
  details: 'Дэлгэрэнгүй',
  retry: 'Дахин оролдох',
  chat: 'Чат',
  chatNewReply: 'Чат, шинэ хариу',
  newReply: 'Шинэ хариу',
  close: 'Чатыг хаах',
};
