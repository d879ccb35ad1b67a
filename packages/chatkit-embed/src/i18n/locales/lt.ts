import type { ChatKitEmbedStrings } from '../strings.js';

export const strings: ChatKitEmbedStrings = {
  loading: 'Įkeliamas pokalbis…',
  loadFailed: 'Nepavyko įkelti pokalbio.',
  connectFailed: 'Pokalbiui nepavyko prisijungti.',
  unavailable: 'Pokalbis šiuo metu nepasiekiamas.',
  details: 'Išsami informacija',
  retry: 'Bandyti dar kartą',
  chat: 'Pokalbis',
  chatNewReply: 'Pokalbis, naujas atsakymas',
  newReply: 'Naujas atsakymas',
  close: 'Uždaryti pokalbį',
};
