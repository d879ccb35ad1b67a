import type { ChatKitEmbedStrings } from '../strings.js';

export const strings: ChatKitEmbedStrings = {
  loading: 'Φόρτωση συνομιλίας…',
  loadFailed: 'Δεν ήταν δυνατή η φόρτωση της συνομιλίας.',
  connectFailed: 'Η συνομιλία δεν μπόρεσε να συνδεθεί.',
  unavailable: 'Η συνομιλία δεν είναι διαθέσιμη αυτήν τη στιγμή.',
  details: 'Λεπτομέρειες',
  retry: 'Δοκιμάστε ξανά',
  chat: 'Συνομιλία',
  chatNewReply: 'Συνομιλία, νέα απάντηση',
  newReply: 'Νέα απάντηση',
  close: 'Κλείσιμο συνομιλίας',
};
