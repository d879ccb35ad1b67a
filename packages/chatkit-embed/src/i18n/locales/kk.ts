import type { ChatKitEmbedStrings } from '../strings.js';

export const strings: ChatKitEmbedStrings = {
  loading: 'Чат жүктелуде…',
  loadFailed: 'Чатты жүктеу мүмкін болмады.',
  connectFailed: 'Чат қосыла алмады.',
  unavailable: 'Чат қазір қолжетімсіз.',
  details: 'Толығырақ',
  retry: 'Қайталап көру',
  chat: 'Чат',
  chatNewReply: 'Чат, жаңа жауап',
  newReply: 'Жаңа жауап',
  close: 'Чатты жабу',
};
