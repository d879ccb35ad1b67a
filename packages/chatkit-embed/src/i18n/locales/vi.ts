import type { ChatKitEmbedStrings } from '../strings.js';

export const strings: ChatKitEmbedStrings = {
  loading: 'Đang tải trò chuyện…',
  loadFailed: 'Không thể tải trò chuyện.',
  connectFailed: 'Không thể kết nối trò chuyện.',
  unavailable: 'Trò chuyện hiện không khả dụng.',
  details: 'Chi tiết',
  retry: 'Thử lại',
  chat: 'Trò chuyện',
  chatNewReply: 'Trò chuyện, phản hồi mới',
  newReply: 'Phản hồi mới',
  close: 'Đóng trò chuyện',
};
