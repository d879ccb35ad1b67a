import type { ChatKitEmbedStrings } from '../strings.js';

export const strings: ChatKitEmbedStrings = {
  loading: 'ውይይት በመጫን ላይ…',
  loadFailed: 'ውይይቱ ሊጫን አልቻለም።',
  connectFailed: 'ውይይቱ መገናኘት አልቻለም።',
  unavailable: 'ውይይቱ አሁን አይገኝም።',
  details: 'ዝርዝሮች',
  retry: 'እንደገና ይሞክሩ',
  chat: 'ውይይት',
  chatNewReply: 'ውይይት፣ አዲስ ምላሽ',
  newReply: 'አዲስ ምላሽ',
  close: 'ውይይቱን ዝጋ',
};
