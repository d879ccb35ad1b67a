import type { ChatKitEmbedStrings } from '../strings.js';

export const strings: ChatKitEmbedStrings = {
  loading: 'Chat wird geladen…',
  loadFailed: 'Der Chat konnte nicht geladen werden.',
  connectFailed: 'Der Chat konnte keine Verbindung herstellen.',
  unavailable: 'Der Chat ist gerade nicht verfügbar.',
  details: 'Details',
  retry: 'Erneut versuchen',
  chat: 'Chat',
  chatNewReply: 'Chat, neue Antwort',
  newReply: 'Neue Antwort',
  close: 'Chat schließen',
};
