import type { ChatKitEmbedStrings } from '../strings.js';

export const strings: ChatKitEmbedStrings = {
  loading: 'Memuatkan sembang…',
  loadFailed: 'Sembang tidak dapat dimuatkan.',
  connectFailed: 'Sembang tidak dapat disambungkan.',
  unavailable: 'Sembang tidak tersedia buat masa ini.',
  details: 'Butiran',
  retry: 'Cuba lagi',
  chat: 'Sembang',
  chatNewReply: 'Sembang, balasan baharu',
  newReply: 'Balasan baharu',
  close: 'Tutup sembang',
};
