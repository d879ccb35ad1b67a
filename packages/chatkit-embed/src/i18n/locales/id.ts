import type { ChatKitEmbedStrings } from '../strings.js';

export const strings: ChatKitEmbedStrings = {
  loading: 'Memuat chat…',
  loadFailed: 'Chat tidak dapat dimuat.',
  connectFailed: 'Chat tidak dapat terhubung.',
  unavailable: 'Chat tidak tersedia saat ini.',
  details: 'Detail',
  retry: 'Coba lagi',
  chat: 'Chat',
  chatNewReply: 'Chat, balasan baru',
  newReply: 'Balasan baru',
  close: 'Tutup chat',
};
