import type { ChatKitEmbedStrings } from '../strings.js';

export const strings: ChatKitEmbedStrings = {
  loading: 'Notiek tērzēšanas ielāde…',
  loadFailed: 'Neizdevās ielādēt tērzēšanu.',
  connectFailed: 'Tērzēšanai neizdevās izveidot savienojumu.',
  unavailable: 'Tērzēšana pašlaik nav pieejama.',
  details: 'Sīkāka informācija',
  retry: 'Mēģināt vēlreiz',
  chat: 'Tērzēšana',
  chatNewReply: 'Tērzēšana, jauna atbilde',
  newReply: 'Jauna atbilde',
  close: 'Aizvērt tērzēšanu',
};
