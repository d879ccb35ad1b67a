import type { ChatKitEmbedStrings } from '../strings.js';

export const strings: ChatKitEmbedStrings = {
  loading: 'چیٹ لوڈ ہو رہی ہے…',
  loadFailed: 'چیٹ لوڈ نہیں ہو سکی۔',
  connectFailed: 'چیٹ کنیکٹ نہیں ہو سکی۔',
  unavailable: 'چیٹ ابھی دستیاب نہیں ہے۔',
  details: 'تفصیلات',
  retry: 'دوبارہ کوشش کریں',
  chat: 'چیٹ',
  chatNewReply: 'چیٹ، نیا جواب',
  newReply: 'نیا جواب',
  close: 'چیٹ بند کریں',
};
