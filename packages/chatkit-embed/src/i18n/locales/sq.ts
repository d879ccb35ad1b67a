import type { ChatKitEmbedStrings } from '../strings.js';

export const strings: ChatKitEmbedStrings = {
  loading: 'Biseda po ngarkohet…',
  loadFailed: 'Biseda nuk mund të ngarkohej.',
  connectFailed: 'Biseda nuk mund të lidhej.',
  unavailable: 'Biseda nuk është e disponueshme për momentin.',
  details: 'Detajet',
  retry: 'Provo përsëri',
  chat: 'Bisedë',
  chatNewReply: 'Bisedë, përgjigje e re',
  newReply: 'Përgjigje e re',
  close: 'Mbyll bisedën',
};
