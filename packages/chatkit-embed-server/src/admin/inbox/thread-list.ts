import { html } from 'lit';
import { property } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { LightElement } from './light-element.js';
import { InboxOpenEvent } from './events.js';
import type { ThreadRow } from './api.js';
import { formatDate } from './format.js';

/**
 * @summary The threads found, newest first, each a button that opens its transcript,
 * and "Load more" while the server has more.
 * @fires inbox-open - with the user and thread of the row chosen.
 * @fires inbox-load-more - when the next page is asked for.
 */
export class InboxThreadList extends LightElement {
  /** The rows loaded so far. */
  @property({ attribute: false }) rows: ThreadRow[] = [];
  /** Whether the server has more rows after these. */
  @property({ type: Boolean }) more = false;
  /** True while a page loads. */
  @property({ type: Boolean }) loading = false;
  /** The open thread's id, marked as current. */
  @property() selected = '';
  /** What to say when there are no rows. */
  @property() empty = 'No conversations yet.';

  override render() {
    return html`
      <h2 id="threads-heading" tabindex="-1">Threads</h2>
      ${this.rows.length === 0 && !this.loading ? html`<p class="empty">${this.empty}</p>` : null}
      <ul class="threads" aria-labelledby="threads-heading">
        ${repeat(
          this.rows,
          (row) => `${row.user}\u0000${row.thread.id}`,
          (row) => html`
            <li>
              <button
                type="button"
                class="thread"
                data-thread=${row.thread.id}
                aria-current=${this.selected === row.thread.id ? 'true' : 'false'}
                @click=${() => this.dispatchEvent(new InboxOpenEvent(row.user, row.thread.id))}
              >
                <span class="title">${row.thread.title || 'Untitled thread'}</span>
                <span class="meta">
                  <time datetime=${row.thread.created_at}>${formatDate(row.thread.created_at)}</time>
                  <span class="user">Visitor ${row.user}</span>
                  ${
                    row.feedback && row.feedback.positive + row.feedback.negative > 0
                      ? html`<span class="feedback-counts">${feedbackCounts(row.feedback)}</span>`
                      : null
                  }
                </span>
              </button>
            </li>
          `,
        )}
      </ul>
      ${
        this.more
          ? html`<button
              type="button"
              class="more"
              ?disabled=${this.loading}
              @click=${() => this.dispatchEvent(new Event('inbox-load-more', { bubbles: true }))}
            >
              ${this.loading ? 'Loading…' : 'Load more'}
            </button>`
          : null
      }
    `;
  }
}

function feedbackCounts({ positive, negative }: { positive: number; negative: number }): string {
  return `Feedback: ${positive} positive, ${negative} negative`;
}
