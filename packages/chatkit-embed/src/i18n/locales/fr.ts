import type { ChatKitEmbedStrings } from '../strings.js';

export const strings: ChatKitEmbedStrings = {
  loading: 'Chargement de la discussion…',
  loadFailed: 'Impossible de charger la discussion.',
  connectFailed: 'La discussion n’a pas pu se connecter.',
  unavailable: 'La discussion n’est pas disponible pour le moment.',
  details: 'Détails',
  retry: 'Réessayer',
  chat: 'Discussion',
  chatNewReply: 'Discussion, nouvelle réponse',
  newReply: 'Nouvelle réponse',
  close: 'Fermer la discussion',
};
