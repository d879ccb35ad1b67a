import type { ChatKitEmbedStrings } from '../strings.js';

export const strings: ChatKitEmbedStrings = {
  loading: 'チャットを読み込んでいます…',
  loadFailed: 'チャットを読み込めませんでした。',
  connectFailed: 'チャットに接続できませんでした。',
  unavailable: '現在チャットはご利用いただけません。',
  details: '詳細',
  retry: '再試行',
  chat: 'チャット',
  chatNewReply: 'チャット、新しい返信',
  newReply: '新しい返信',
  close: 'チャットを閉じる',
};
