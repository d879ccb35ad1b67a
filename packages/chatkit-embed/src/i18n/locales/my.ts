import type { ChatKitEmbedStrings } from '../strings.js';

export const strings: ChatKitEmbedStrings = {
  loading: 'ချတ်ကို ဖွင့်နေသည်…',
  loadFailed: 'ချတ်ကို ဖွင့်၍ မရပါ။',
  connectFailed: 'ချတ်ကို ချိတ်ဆက်၍ မရပါ။',
  unavailable: 'ချတ်ကို ယခု အသုံးပြု၍ မရပါ။',
  details: 'အသေးစိတ်',
  retry: 'ထပ်စမ်းကြည့်ပါ',
  chat: 'ချတ်',
  chatNewReply: 'ချတ်၊ အဖြေအသစ်',
  newReply: 'အဖြေအသစ်',
  close: 'ချတ်ကို ပိတ်ရန်',
};
