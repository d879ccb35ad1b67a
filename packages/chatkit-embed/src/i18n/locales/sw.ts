import type { ChatKitEmbedStrings } from '../strings.js';

export const strings: ChatKitEmbedStrings = {
  loading: 'Inapakia gumzo…',
  loadFailed: 'Imeshindwa kupakia gumzo.',
  connectFailed: 'Imeshindwa kuunganisha gumzo.',
  unavailable: 'Gumzo halipatikani kwa sasa.',
  details: 'Maelezo',
  retry: 'Jaribu tena',
  chat: 'Gumzo',
  chatNewReply: 'Gumzo, jibu jipya',
  newReply: 'Jibu jipya',
  close: 'Funga gumzo',
};
