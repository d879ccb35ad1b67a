import type { ChatKitEmbedStrings } from '../strings.js';

export const strings: ChatKitEmbedStrings = {
  loading: 'ચેટ લોડ થઈ રહી છે…',
  loadFailed: 'ચેટ લોડ થઈ શકી નથી.',
  connectFailed: 'ચેટ કનેક્ટ થઈ શકી નથી.',
  unavailable: 'ચેટ હાલમાં ઉપલબ્ધ નથી.',
  details: 'વિગતો',
  retry: 'ફરી પ્રયાસ કરો',
  chat: 'ચેટ',
  chatNewReply: 'ચેટ, નવો જવાબ',
  newReply: 'નવો જવાબ',
  close: 'ચેટ બંધ કરો',
};
