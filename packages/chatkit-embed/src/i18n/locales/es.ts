import type { ChatKitEmbedStrings } from '../strings.js';

export const strings: ChatKitEmbedStrings = {
  loading: 'Cargando chat…',
  loadFailed: 'No se pudo cargar el chat.',
  connectFailed: 'El chat no pudo conectarse.',
  unavailable: 'El chat no está disponible en este momento.',
  details: 'Detalles',
  retry: 'Reintentar',
  chat: 'Chat',
  chatNewReply: 'Chat, nueva respuesta',
  newReply: 'Nueva respuesta',
  close: 'Cerrar chat',
};
