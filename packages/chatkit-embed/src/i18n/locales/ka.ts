import type { ChatKitEmbedStrings } from '../strings.js';

export const strings: ChatKitEmbedStrings = {
  loading: 'ჩატი იტვირთება…',
  loadFailed: 'ჩატის ჩატვირთვა ვერ მოხერხდა.',
  connectFailed: 'ჩატის დაკავშირება ვერ მოხერხდა.',
  unavailable: 'ჩატი ამჟამად მიუწვდომელია.',
  details: 'დეტალები',
  retry: 'ხელახლა ცდა',
  chat: 'ჩატი',
  chatNewReply: 'ჩატი, ახალი პასუხი',
  newReply: 'ახალი პასუხი',
  close: 'ჩატის დახურვა',
};
