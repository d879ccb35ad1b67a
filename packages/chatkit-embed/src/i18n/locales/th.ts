import type { ChatKitEmbedStrings } from '../strings.js';

export const strings: ChatKitEmbedStrings = {
  loading: 'กำลังโหลดแชท…',
  loadFailed: 'ไม่สามารถโหลดแชทได้',
  connectFailed: 'ไม่สามารถเชื่อมต่อแชทได้',
  unavailable: 'แชทไม่พร้อมใช้งานในขณะนี้',
  details: 'รายละเอียด',
  retry: 'ลองอีกครั้ง',
  chat: 'แชท',
  chatNewReply: 'แชท, คำตอบใหม่',
  newReply: 'คำตอบใหม่',
  close: 'ปิดแชท',
};
