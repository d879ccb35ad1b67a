import type { ChatKitEmbedStrings } from '../strings.js';

export const strings: ChatKitEmbedStrings = {
  loading: 'చాట్ లోడ్ అవుతోంది…',
  loadFailed: 'చాట్‌ను లోడ్ చేయడం సాధ్యపడలేదు.',
  connectFailed: 'చాట్ కనెక్ట్ కాలేకపోయింది.',
  unavailable: 'చాట్ ప్రస్తుతం అందుబాటులో లేదు.',
  details: 'వివరాలు',
  retry: 'మళ్లీ ప్రయత్నించండి',
  chat: 'చాట్',
  chatNewReply: 'చాట్, కొత్త ప్రత్యుత్తరం',
  newReply: 'కొత్త ప్రత్యుత్తరం',
  close: 'చాట్‌ను మూసివేయండి',
};
