import type { ChatKitEmbedStrings } from '../strings.js';

export const strings: ChatKitEmbedStrings = {
  loading: 'Načítava sa chat…',
  loadFailed: 'Chat sa nepodarilo načítať.',
  connectFailed: 'Chat sa nepodarilo pripojiť.',
  unavailable: 'Chat momentálne nie je k dispozícii.',
  details: 'Podrobnosti',
  retry: 'Skúsiť znova',
  chat: 'Chat',
  chatNewReply: 'Chat, nová odpoveď',
  newReply: 'Nová odpoveď',
  close: 'Zavrieť chat',
};
