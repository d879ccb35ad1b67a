import type { ChatKitEmbedStrings } from '../strings.js';

export const strings: ChatKitEmbedStrings = {
  loading: '正在載入聊天…',
  loadFailed: '無法載入聊天。',
  connectFailed: '聊天無法連線。',
  unavailable: '聊天目前無法使用。',
  details: '詳細資料',
  retry: '重試',
  chat: '聊天',
  chatNewReply: '聊天，新回覆',
  newReply: '新回覆',
  close: '關閉聊天',
};
