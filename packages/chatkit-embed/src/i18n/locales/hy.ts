import type { ChatKitEmbedStrings } from '../strings.js';

export const strings: ChatKitEmbedStrings = {
  loading: 'Զրույցը բեռնվում է…',
  loadFailed: 'Չհաջողվեց բեռնել զրույցը։',
  connectFailed: 'Չհաջողվեց միանալ զրույցին։',
  unavailable: 'Զրույցն այս պահին հասանելի չէ։',
  details: 'Մանրամասներ',
  retry: 'Կրկին փորձել',
  chat: 'Զրույց',
  chatNewReply: 'Զրույց, նոր պատասխան',
  newReply: 'Նոր պատասխան',
  close: 'Փակել զրույցը',
};
