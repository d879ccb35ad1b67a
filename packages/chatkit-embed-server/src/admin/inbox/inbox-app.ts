import { html } from 'lit';
import { state } from 'lit/decorators.js';
import { LightElement } from './light-element.js';
import { AdminApiError, AdminClient, type Transcript, type ThreadRow } from './api.js';
import { loadCredential, saveCredential } from './credential.js';
import { saveBlob } from './download.js';
import type { InboxEraseEvent, InboxExportEvent, InboxFiltersEvent, InboxLoginEvent, InboxOpenEvent } from './events.js';
import { NO_FILTERS, filtered, type Filters } from './filters.js';
import { formatDate, plural } from './format.js';
import type { InboxConfirm } from './confirm-dialog.js';
import type { InboxTranscript } from './thread-transcript.js';
import type { InboxThreadList } from './thread-list.js';

/**
 * @summary The site owner's inbox: sign in, find threads, read one, export, erase. Owns
 * the API client and the state; its parts only show it and send events.
 */
export class InboxApp extends LightElement {
  #client?: AdminClient;
  #after: string | null = null;
  /** Bumped by each new listing, so a late answer to an older one is dropped. */
  #listing = 0;
  /** Likewise for the thread being opened: the last one chosen wins. */
  #opening = 0;

  @state() private signedIn = false;
  @state() private loginError = '';
  @state() private busy = false;
  @state() private filters: Filters = NO_FILTERS;
  @state() private rows: ThreadRow[] = [];
  @state() private more = false;
  @state() private loading = false;
  @state() private exporting = false;
  @state() private hasFeedback = false;
  @state() private open?: Transcript;
  @state() private status = '';

  override connectedCallback(): void {
    super.connectedCallback();
    const saved = loadCredential();
    if (saved) void this.#signIn(saved);
  }

  /** The admin API's URL, from the page's `<meta name="chatkit-admin-api">`. */
  get #apiBase(): string {
    const meta = document.querySelector<HTMLMetaElement>('meta[name="chatkit-admin-api"]')?.content || 'api/';
    return new URL(meta, location.href).href;
  }

  async #signIn(credential: string) {
    this.busy = true;
    this.loginError = '';
    const client = new AdminClient(this.#apiBase, credential);
    try {
      const page = await client.listThreads(NO_FILTERS);
      this.#client = client;
      saveCredential(credential);
      this.signedIn = true;
      this.#show(page, false);
      this.status = `Signed in. ${this.#countSentence()}`;
      await this.updateComplete;
      this.querySelector<HTMLElement>('#threads-heading')?.focus();
    } catch (error) {
      // Only a refusal forgets it: a server restarting or a network down says nothing of it.
      if (error instanceof AdminApiError && error.status === 401) saveCredential('');
      this.loginError = messageOf(error);
    } finally {
      this.busy = false;
    }
  }

  /**
   * Forgets the credential and everything shown. Answers still in flight are dropped:
   * the counters move on and the client they were sent with is no longer the page's.
   */
  async #signOut() {
    saveCredential('');
    this.#client = undefined;
    this.#listing++;
    this.#opening++;
    this.#after = null;
    this.signedIn = false;
    this.rows = [];
    this.more = false;
    this.loading = false;
    this.exporting = false;
    this.hasFeedback = false;
    this.open = undefined;
    this.filters = NO_FILTERS;
    this.status = 'Signed out.';
    await this.updateComplete;
    this.querySelector<HTMLElement>('#credential')?.focus();
  }

  #show(page: { data: ThreadRow[]; has_more: boolean; after?: string | null }, append: boolean) {
    this.rows = append ? [...this.rows, ...page.data] : page.data;
    this.more = page.has_more && Boolean(page.after);
    this.#after = page.after ?? null;
    if (page.data.some((row) => row.feedback)) this.hasFeedback = true;
  }

  #countSentence(): string {
    return `${plural(this.rows.length, 'thread')} shown${this.more ? ', more to load' : ''}.`;
  }

  /**
   * Lists threads: a first page with `filters`, or the next page of the current listing.
   * The filters become the page's only when their listing arrives, so a failed Apply
   * leaves Load more and Export on the filters of the rows shown.
   */
  async #list(append: boolean, filters: Filters = this.filters) {
    if (!this.#client) return;
    const listing = ++this.#listing;
    this.loading = true;
    this.status = 'Loading threads…';
    try {
      const page = await this.#client.listThreads(filters, append ? this.#after : null);
      if (listing !== this.#listing) return;
      this.filters = filters;
      this.#show(page, append);
      this.status = this.#countSentence();
    } catch (error) {
      if (listing === this.#listing) this.#failed(error);
    } finally {
      if (listing === this.#listing) this.loading = false;
    }
  }

  #failed(error: unknown) {
    if (error instanceof AdminApiError && error.status === 401) {
      void this.#signOut();
      this.loginError = error.message;
      return;
    }
    this.status = messageOf(error);
  }

  async #openThread(event: InboxOpenEvent) {
    if (!this.#client) return;
    const opening = ++this.#opening;
    this.status = 'Opening the thread…';
    try {
      const transcript = await this.#client.loadTranscript(event.user, event.thread);
      if (opening !== this.#opening) return;
      this.open = transcript;
      if (transcript.feedback) this.hasFeedback = true;
      this.status = `Showing ${this.open.thread.title || 'an untitled thread'}.`;
      await this.updateComplete;
      this.querySelector<InboxTranscript>('inbox-transcript')?.focusHeading();
    } catch (error) {
      if (opening === this.#opening) this.#failed(error);
    }
  }

  async #export(event: InboxExportEvent) {
    const client = this.#client;
    if (!client) return;
    this.exporting = true;
    this.status = 'Preparing the export…';
    try {
      const blob = await client.exportThreads(event.format, this.filters);
      if (client !== this.#client) return;
      saveBlob(blob, `threads.${event.format}`);
      this.status = `Exported threads.${event.format}.`;
    } catch (error) {
      if (client === this.#client) this.#failed(error);
    } finally {
      if (client === this.#client) this.exporting = false;
    }
  }

  async #erase(event: InboxEraseEvent) {
    const client = this.#client;
    const open = this.open;
    if (!client || !open) return;
    // A thread still loading must not replace the one the question names while it is asked.
    this.#opening++;
    const { user, thread } = open;
    // Ids and date as well as the title: a visitor wrote the title and may have copied another's.
    const named = `thread ${thread.id} (“${thread.title || 'untitled'}”, started ${formatDate(thread.created_at)})`;
    const confirmed = await this.querySelector<InboxConfirm>('inbox-confirm')!.ask(
      event.scope === 'thread'
        ? `Visitor ${user}’s ${named}, with its messages and attachments, will be deleted for good.`
        : `Every thread, message and attachment of visitor ${user} will be deleted for good, ${named} among them.`,
      event.scope === 'thread' ? 'Delete thread' : 'Delete visitor’s data',
    );
    if (!confirmed || this.open !== open || client !== this.#client) {
      this.status = 'Nothing was deleted.';
      return;
    }
    try {
      const deleted = event.scope === 'thread' ? await client.deleteThread(open.user, open.thread.id) : await client.deleteUser(open.user);
      if (client !== this.#client) return;
      this.rows = this.rows.filter((row) => (event.scope === 'thread' ? row.thread.id !== open.thread.id : row.user !== open.user));
      this.open = undefined;
      this.status = `Deleted ${plural(deleted, 'thread')}.`;
      await this.updateComplete;
      this.querySelector<InboxThreadList>('inbox-thread-list')?.querySelector<HTMLElement>('#threads-heading')?.focus();
    } catch (error) {
      if (client === this.#client) this.#failed(error);
    }
  }

  async #closeThread() {
    const id = this.open?.thread.id;
    this.open = undefined;
    await this.updateComplete;
    const row = id ? this.querySelector<HTMLElement>(`button.thread[data-thread="${CSS.escape(id)}"]`) : null;
    (row ?? this.querySelector<HTMLElement>('#threads-heading'))?.focus();
  }

  override render() {
    return html`
      <header class="top">
        <h1>Conversations</h1>
        ${this.signedIn ? html`<button type="button" @click=${() => void this.#signOut()}>Sign out</button>` : null}
        <p class="status" role="status">${this.status}</p>
      </header>
      ${this.signedIn ? this.#inbox() : this.#login()}
    `;
  }

  #login() {
    return html`<main>
      <inbox-login
        .error=${this.loginError}
        ?busy=${this.busy}
        @inbox-login=${(event: InboxLoginEvent) => void this.#signIn(event.credential)}
      ></inbox-login>
    </main>`;
  }

  #inbox() {
    return html`
      <main class="inbox ${this.open ? 'reading' : ''}">
        <section class="list-pane" aria-label="Thread list">
          <inbox-filters
            ?feedback=${this.hasFeedback}
            ?exporting=${this.exporting}
            @inbox-filters=${(event: InboxFiltersEvent) => void this.#list(false, event.filters)}
            @inbox-export=${(event: InboxExportEvent) => void this.#export(event)}
          ></inbox-filters>
          <inbox-thread-list
            .rows=${this.rows}
            ?more=${this.more}
            ?loading=${this.loading}
            .selected=${this.open?.thread.id ?? ''}
            .empty=${filtered(this.filters) ? 'No thread matches these filters.' : 'No conversations yet.'}
            @inbox-open=${(event: InboxOpenEvent) => void this.#openThread(event)}
            @inbox-load-more=${() => void this.#list(true)}
          ></inbox-thread-list>
        </section>
        <section class="reader-pane" aria-label="Transcript">
          <inbox-transcript
            .transcript=${this.open}
            @inbox-erase=${(event: InboxEraseEvent) => void this.#erase(event)}
            @inbox-close=${() => void this.#closeThread()}
          ></inbox-transcript>
        </section>
        <inbox-confirm></inbox-confirm>
      </main>
    `;
  }
}

function messageOf(error: unknown): string {
  return error instanceof AdminApiError ? error.message : 'Something went wrong in this page; reload it and try again.';
}
