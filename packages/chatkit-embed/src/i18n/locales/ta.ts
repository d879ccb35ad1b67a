import type { ChatKitEmbedStrings } from '../strings.js';

export const strings: ChatKitEmbedStrings = {
  loading: 'அரட்டை ஏற்றப்படுகிறது…',
  loadFailed: 'அரட்டையை ஏற்ற முடியவில்லை.',
  connectFailed: 'அரட்டையை இணைக்க முடியவில்லை.',
  unavailable: 'அரட்டை இப்போது கிடைக்கவில்லை.',
  details: 'விவரங்கள்',
  retry: 'மீண்டும் முயல்க',
  chat: 'அரட்டை',
  chatNewReply: 'அரட்டை, புதிய பதில்',
  newReply: 'புதிய பதில்',
  close: 'அரட்டையை மூடு',
};
