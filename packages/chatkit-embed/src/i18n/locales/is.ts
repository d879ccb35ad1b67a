import type { ChatKitEmbedStrings } from '../strings.js';

export const strings: ChatKitEmbedStrings = {
  loading: 'Hleð inn spjalli…',
  loadFailed: 'Ekki tókst að hlaða inn spjallinu.',
  connectFailed: 'Spjallið náði ekki sambandi.',
  unavailable: 'Spjallið er ekki tiltækt í augnablikinu.',
  details: 'Nánar',
  retry: 'Reyna aftur',
  chat: 'Spjall',
  chatNewReply: 'Spjall, nýtt svar',
  newReply: 'Nýtt svar',
  close: 'Loka spjalli',
};
