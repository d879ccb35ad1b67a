import type { ChatKitEmbedStrings } from '../strings.js';

export const strings: ChatKitEmbedStrings = {
  loading: 'ചാറ്റ് ലോഡ് ചെയ്യുന്നു…',
  loadFailed: 'ചാറ്റ് ലോഡ് ചെയ്യാനായില്ല.',
  connectFailed: 'ചാറ്റ് കണക്റ്റ് ചെയ്യാനായില്ല.',
  unavailable: 'ചാറ്റ് ഇപ്പോൾ ലഭ്യമല്ല.',
  details: 'വിശദാംശങ്ങൾ',
  retry: 'വീണ്ടും ശ്രമിക്കുക',
  chat: 'ചാറ്റ്',
  chatNewReply: 'ചാറ്റ്, പുതിയ മറുപടി',
  newReply: 'പുതിയ മറുപടി',
  close: 'ചാറ്റ് അടയ്ക്കുക',
};
