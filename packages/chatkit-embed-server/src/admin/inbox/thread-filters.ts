import { html } from 'lit';
import { property } from 'lit/decorators.js';
import { LightElement } from './light-element.js';
import { InboxExportEvent, InboxFiltersEvent } from './events.js';
import type { Filters } from './filters.js';

/**
 * @summary Search, date range and feedback filter, applied on submit (Enter in any
 * field), and the exports of what they select.
 * @fires inbox-filters - with the filters, when applied.
 * @fires inbox-export - with the format asked for.
 */
export class InboxFilters extends LightElement {
  /** Whether the server reports feedback (the filter is offered only then). */
  @property({ type: Boolean }) feedback = false;
  /** True while an export downloads. */
  @property({ type: Boolean }) exporting = false;

  #submit(event: SubmitEvent) {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    const text = (name: string) => String(form.get(name) ?? '');
    const feedback = text('feedback');
    this.dispatchEvent(
      new InboxFiltersEvent({
        search: text('search'),
        from: text('from'),
        to: text('to'),
        feedback: feedback === 'positive' || feedback === 'negative' ? feedback : '',
      } satisfies Filters),
    );
  }

  override render() {
    return html`
      <form class="filters" role="search" aria-label="Threads" @submit=${this.#submit}>
        <div class="field search">
          <label for="search">Search titles and messages</label>
          <input id="search" name="search" type="search" autocomplete="off" />
        </div>
        <div class="field">
          <label for="from">From</label>
          <input id="from" name="from" type="date" />
        </div>
        <div class="field">
          <label for="to">To</label>
          <input id="to" name="to" type="date" />
        </div>
        ${
          this.feedback
            ? html`<div class="field">
                <label for="feedback">Feedback</label>
                <select id="feedback" name="feedback">
                  <option value="">Any</option>
                  <option value="positive">Some positive</option>
                  <option value="negative">Some negative</option>
                </select>
              </div>`
            : null
        }
        <div class="actions">
          <button type="submit">Apply</button>
          <button type="button" ?disabled=${this.exporting} @click=${() => this.dispatchEvent(new InboxExportEvent('jsonl'))}>
            Export JSON Lines
          </button>
          <button type="button" ?disabled=${this.exporting} @click=${() => this.dispatchEvent(new InboxExportEvent('csv'))}>
            Export CSV
          </button>
        </div>
      </form>
    `;
  }
}
