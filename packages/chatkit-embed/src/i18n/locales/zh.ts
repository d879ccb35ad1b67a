import type { ChatKitEmbedStrings } from '../strings.js';

export const strings: ChatKitEmbedStrings = {
  loading: '正在加载聊天…',
  loadFailed: '无法加载聊天。',
  connectFailed: '聊天无法连接。',
  unavailable: '聊天暂时不可用。',
  details: '详细信息',
  retry: '重试',
  chat: '聊天',
  chatNewReply: '聊天，新回复',
  newReply: '新回复',
  close: '关闭聊天',
};
