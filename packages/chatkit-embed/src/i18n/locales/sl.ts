import type { ChatKitEmbedStrings } from '../strings.js';

export const strings: ChatKitEmbedStrings = {
  loading: 'Nalaganje klepeta…',
  loadFailed: 'Klepeta ni bilo mogoče naložiti.',
  connectFailed: 'Klepet se ni mogel povezati.',
  unavailable: 'Klepet trenutno ni na voljo.',
  details: 'Podrobnosti',
  retry: 'Poskusi znova',
  chat: 'Klepet',
  chatNewReply: 'Klepet, nov odgovor',
  newReply: 'Nov odgovor',
  close: 'Zapri klepet',
};
