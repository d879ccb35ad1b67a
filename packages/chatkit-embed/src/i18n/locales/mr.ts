import type { ChatKitEmbedStrings } from '../strings.js';

export const strings: ChatKitEmbedStrings = {
  loading: 'चॅट लोड होत आहे…',
  loadFailed: 'चॅट लोड होऊ शकले नाही.',
  connectFailed: 'चॅट कनेक्ट होऊ शकले नाही.',
  unavailable: 'चॅट सध्या उपलब्ध नाही.',
  details: 'तपशील',
  retry: 'पुन्हा प्रयत्न करा',
  chat: 'चॅट',
  chatNewReply: 'चॅट, नवीन उत्तर',
  newReply: 'नवीन उत्तर',
  close: 'चॅट बंद करा',
};
