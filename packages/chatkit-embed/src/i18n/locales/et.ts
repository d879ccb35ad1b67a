import type { ChatKitEmbedStrings } from '../strings.js';

export const strings: ChatKitEmbedStrings = {
  loading: 'Vestluse laadimine…',
  loadFailed: 'Vestlust ei õnnestunud laadida.',
  connectFailed: 'Vestlusel ei õnnestunud ühendust luua.',
  unavailable: 'Vestlus pole praegu saadaval.',
  details: 'Üksikasjad',
  retry: 'Proovi uuesti',
  chat: 'Vestlus',
  chatNewReply: 'Vestlus, uus vastus',
  newReply: 'Uus vastus',
  close: 'Sulge vestlus',
};
