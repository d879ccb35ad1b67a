import type { ChatKitEmbedStrings } from '../strings.js';

export const strings: ChatKitEmbedStrings = {
  loading: 'جارٍ تحميل الدردشة…',
  loadFailed: 'تعذّر تحميل الدردشة.',
  connectFailed: 'تعذّر الاتصال بالدردشة.',
  unavailable: 'الدردشة غير متاحة حاليًا.',
  details: 'التفاصيل',
  retry: 'إعادة المحاولة',
  chat: 'دردشة',
  chatNewReply: 'دردشة، رد جديد',
  newReply: 'رد جديد',
  close: 'إغلاق الدردشة',
};
