import type { ChatKitEmbedStrings } from '../strings.js';

export const strings: ChatKitEmbedStrings = {
  loading: 'Läser in chatten…',
  loadFailed: 'Chatten kunde inte läsas in.',
  connectFailed: 'Chatten kunde inte ansluta.',
  unavailable: 'Chatten är inte tillgänglig just nu.',
  details: 'Detaljer',
  retry: 'Försök igen',
  chat: 'Chatt',
  chatNewReply: 'Chatt, nytt svar',
  newReply: 'Nytt svar',
  close: 'Stäng chatten',
};
