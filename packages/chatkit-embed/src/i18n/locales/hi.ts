import type { ChatKitEmbedStrings } from '../strings.js';

export const strings: ChatKitEmbedStrings = {
  loading: 'चैट लोड हो रही है…',
  loadFailed: 'चैट लोड नहीं हो सकी।',
  connectFailed: 'चैट कनेक्ट नहीं हो सकी।',
  unavailable: 'चैट अभी उपलब्ध नहीं है।',
  details: 'विवरण',
  retry: 'फिर से कोशिश करें',
  chat: 'चैट',
  chatNewReply: 'चैट, नया जवाब',
  newReply: 'नया जवाब',
  close: 'चैट बंद करें',
};
