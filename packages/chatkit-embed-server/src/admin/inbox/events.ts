/** The events the inbox's parts send up to the app, which owns the data and the client. */
import type { ExportFormat } from './api.js';
import type { Filters } from './filters.js';

export class InboxLoginEvent extends Event {
  constructor(readonly credential: string) {
    super('inbox-login', { bubbles: true, composed: true });
  }
}

export class InboxFiltersEvent extends Event {
  constructor(readonly filters: Filters) {
    super('inbox-filters', { bubbles: true, composed: true });
  }
}

export class InboxExportEvent extends Event {
  constructor(readonly format: ExportFormat) {
    super('inbox-export', { bubbles: true, composed: true });
  }
}

export class InboxOpenEvent extends Event {
  constructor(
    readonly user: string,
    readonly thread: string,
  ) {
    super('inbox-open', { bubbles: true, composed: true });
  }
}

export class InboxEraseEvent extends Event {
  constructor(readonly scope: 'thread' | 'user') {
    super('inbox-erase', { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'inbox-login': InboxLoginEvent;
    'inbox-filters': InboxFiltersEvent;
    'inbox-export': InboxExportEvent;
    'inbox-open': InboxOpenEvent;
    'inbox-erase': InboxEraseEvent;
    'inbox-load-more': Event;
    'inbox-close': Event;
  }
}
