import type { ChatKitEmbedStrings } from '../strings.js';

export const strings: ChatKitEmbedStrings = {
  loading: 'Sohbet yükleniyor…',
  loadFailed: 'Sohbet yüklenemedi.',
  connectFailed: 'Sohbet bağlanamadı.',
  unavailable: 'Sohbet şu anda kullanılamıyor.',
  details: 'Ayrıntılar',
  retry: 'Tekrar dene',
  chat: 'Sohbet',
  chatNewReply: 'Sohbet, yeni yanıt',
  newReply: 'Yeni yanıt',
  close: 'Sohbeti kapat',
};
