import type { ChatKitEmbedStrings } from '../strings.js';

export const strings: ChatKitEmbedStrings = {
  loading: 'Ładowanie czatu…',
  loadFailed: 'Nie udało się załadować czatu.',
  connectFailed: 'Czat nie mógł się połączyć.',
  unavailable: 'Czat jest obecnie niedostępny.',
  details: 'Szczegóły',
  retry: 'Spróbuj ponownie',
  chat: 'Czat',
  chatNewReply: 'Czat, nowa odpowiedź',
  newReply: 'Nowa odpowiedź',
  close: 'Zamknij czat',
};
