import type { ChatKitEmbedStrings } from '../strings.js';

export const strings: ChatKitEmbedStrings = {
  loading: 'Wadahadalka waa la soo dejinayaa…',
  loadFailed: 'Wadahadalka lama soo dejin karin.',
  connectFailed: 'Xiriirka wadahadalka wuu fashilmay.',
  unavailable: 'Wadahadalku hadda lama heli karo.',
  details: 'Faahfaahin',
  retry: 'Isku day mar kale',
  chat: 'Wadahadal',
  chatNewReply: 'Wadahadal, jawaab cusub',
  newReply: 'Jawaab cusub',
  close: 'Xir wadahadalka',
};
