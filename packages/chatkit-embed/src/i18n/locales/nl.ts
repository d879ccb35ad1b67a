import type { ChatKitEmbedStrings } from '../strings.js';

export const strings: ChatKitEmbedStrings = {
  loading: 'Chat wordt geladen…',
  loadFailed: 'De chat kon niet worden geladen.',
  connectFailed: 'De chat kon geen verbinding maken.',
  unavailable: 'De chat is nu niet beschikbaar.',
  details: 'Details',
  retry: 'Opnieuw proberen',
  chat: 'Chat',
  chatNewReply: 'Chat, nieuw antwoord',
  newReply: 'Nieuw antwoord',
  close: 'Chat sluiten',
};
