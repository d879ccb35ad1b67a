import type { ChatKitEmbedStrings } from '../strings.js';

export const strings: ChatKitEmbedStrings = {
  loading: 'চ্যাট লোড হচ্ছে…',
  loadFailed: 'চ্যাট লোড করা যায়নি।',
  connectFailed: 'চ্যাট সংযোগ করতে পারেনি।',
  unavailable: 'চ্যাট এখন উপলভ্য নয়।',
  details: 'বিস্তারিত',
  retry: 'আবার চেষ্টা করুন',
  chat: 'চ্যাট',
  chatNewReply: 'চ্যাট, নতুন উত্তর',
  newReply: 'নতুন উত্তর',
  close: 'চ্যাট বন্ধ করুন',
};
