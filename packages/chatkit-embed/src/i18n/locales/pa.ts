import type { ChatKitEmbedStrings } from '../strings.js';

export const strings: ChatKitEmbedStrings = {
  loading: 'ਚੈਟ ਲੋਡ ਹੋ ਰਹੀ ਹੈ…',
  loadFailed: 'ਚੈਟ ਲੋਡ ਨਹੀਂ ਹੋ ਸਕੀ।',
  connectFailed: 'ਚੈਟ ਕਨੈਕਟ ਨਹੀਂ ਹੋ ਸਕੀ।',
  unavailable: 'ਚੈਟ ਇਸ ਵੇਲੇ ਉਪਲਬਧ ਨਹੀਂ ਹੈ।',
  details: 'ਵੇਰਵੇ',
  retry: 'ਦੁਬਾਰਾ ਕੋਸ਼ਿਸ਼ ਕਰੋ',
  chat: 'ਚੈਟ',
  chatNewReply: 'ਚੈਟ, ਨਵਾਂ ਜਵਾਬ',
  newReply: 'ਨਵਾਂ ਜਵਾਬ',
  close: 'ਚੈਟ ਬੰਦ ਕਰੋ',
};
