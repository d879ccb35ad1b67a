import type { ChatKitEmbedStrings } from '../strings.js';

export const strings: ChatKitEmbedStrings = {
  loading: 'ಚಾಟ್ ಲೋಡ್ ಆಗುತ್ತಿದೆ…',
  loadFailed: 'ಚಾಟ್ ಲೋಡ್ ಮಾಡಲು ಸಾಧ್ಯವಾಗಲಿಲ್ಲ.',
  connectFailed: 'ಚಾಟ್ ಸಂಪರ್ಕಿಸಲು ಸಾಧ್ಯವಾಗಲಿಲ್ಲ.',
  unavailable: 'ಚಾಟ್ ಈಗ ಲಭ್ಯವಿಲ್ಲ.',
  details: 'ವಿವರಗಳು',
  retry: 'ಮತ್ತೆ ಪ್ರಯತ್ನಿಸಿ',
  chat: 'ಚಾಟ್',
  chatNewReply: 'ಚಾಟ್, ಹೊಸ ಉತ್ತರ',
  newReply: 'ಹೊಸ ಉತ್ತರ',
  close: 'ಚಾಟ್ ಮುಚ್ಚಿ',
};
