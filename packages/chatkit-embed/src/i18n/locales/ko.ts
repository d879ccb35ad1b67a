import type { ChatKitEmbedStrings } from '../strings.js';

export const strings: ChatKitEmbedStrings = {
  loading: '채팅을 불러오는 중…',
  loadFailed: '채팅을 불러오지 못했습니다.',
  connectFailed: '채팅에 연결하지 못했습니다.',
  unavailable: '지금은 채팅을 이용할 수 없습니다.',
  details: '세부 정보',
  retry: '다시 시도',
  chat: '채팅',
  chatNewReply: '채팅, 새 답변',
  newReply: '새 답변',
  close: '채팅 닫기',
};
