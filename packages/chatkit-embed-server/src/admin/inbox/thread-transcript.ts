import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { LightElement } from './light-element.js';
import { InboxEraseEvent } from './events.js';
import type { Transcript } from './api.js';
import { formatDate } from './format.js';
import { text, transcriptEntries, type Entry, type Link } from './transcript-model.js';

/**
 * @summary One thread read in full: who said what, widgets, tool calls and tasks as
 * text, attachments as links, feedback marked; and the two erasure buttons.
 * @fires inbox-erase - with `thread` or `user`, before any confirmation.
 * @fires inbox-close - when the reader goes back to the list (narrow screens).
 */
export class InboxTranscript extends LightElement {
  /** The thread shown. */
  @property({ attribute: false }) transcript?: Transcript;

  /** The transcript's items as entries, read before rendering so a failure never reaches Lit. */
  #entries: Entry[] | undefined = [];

  override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (!changed.has('transcript')) return;
    try {
      this.#entries = this.transcript ? transcriptEntries(this.transcript.items, this.transcript.feedback ?? {}, location.href) : [];
    } catch {
      this.#entries = undefined;
    }
  }

  /** Moves focus to the heading, so a screen reader starts at the thread just opened. */
  focusHeading(): void {
    this.querySelector<HTMLElement>('#transcript-heading')?.focus();
  }

  override render() {
    const transcript = this.transcript;
    if (!transcript) return html`<p class="empty">Choose a thread to read it.</p>`;
    const entries = this.#entries;
    const thread = transcript.thread;
    return html`
      <button type="button" class="back" @click=${() => this.dispatchEvent(new Event('inbox-close', { bubbles: true }))}>
        Back to threads
      </button>
      <h2 id="transcript-heading" tabindex="-1">${text(thread.title) || 'Untitled thread'}</h2>
      <dl class="thread-facts">
        <dt>Visitor</dt>
        <dd class="user">${transcript.user}</dd>
        <dt>Started</dt>
        <dd><time datetime=${text(thread.created_at)}>${formatDate(text(thread.created_at))}</time></dd>
        <dt>Thread</dt>
        <dd class="user">${text(thread.id)}</dd>
      </dl>
      <div class="erase">
        <button type="button" class="danger" @click=${() => this.dispatchEvent(new InboxEraseEvent('thread'))}>Delete this thread</button>
        <button type="button" class="danger" @click=${() => this.dispatchEvent(new InboxEraseEvent('user'))}>
          Delete everything of this visitor
        </button>
      </div>
      ${
        !entries
          ? html`<p class="empty">This thread's items could not be read; the exports hold them as stored.</p>`
          : entries.length === 0
            ? html`<p class="empty">This thread has no messages.</p>`
            : nothing
      }
      <ol class="transcript" aria-label="Messages">
        ${(entries ?? []).map((entry) => html`<li class="entry ${entry.kind}" data-item=${entry.id}>${this.#entry(entry)}</li>`)}
      </ol>
    `;
  }

  #entry(entry: Entry): TemplateResult {
    const head = (who: string) => html`
      <p class="who">
        <span>${who}</span>
        <time datetime=${entry.createdAt}>${formatDate(entry.createdAt)}</time>
        ${
          entry.feedback
            ? html`<span class="mark ${entry.feedback}" data-feedback=${entry.feedback}
                >${entry.feedback === 'positive' ? 'Rated helpful' : 'Rated unhelpful'}</span
              >`
            : nothing
        }
      </p>
    `;
    switch (entry.kind) {
      case 'user':
        return html`${head('Visitor')}${entry.quoted ? html`<blockquote>${entry.quoted}</blockquote>` : nothing}
          <p class="text">${entry.text}</p>
          ${links('Attachments', entry.attachments)}`;
      case 'assistant':
        return html`${head('Assistant')}
          <p class="text">${entry.text}</p>
          ${links('Sources', entry.sources)}`;
      case 'widget':
        return html`${head(entry.label)}
          <ul class="lines">
            ${entry.lines.map((line) => html`<li>${line}</li>`)}
          </ul>`;
      case 'tool':
        return html`${head(`Tool call: ${entry.name} (${entry.status})`)}
          <pre>${entry.args}</pre>
          ${
            entry.output !== undefined
              ? html`<p class="label">Output</p>
                  <pre>${entry.output}</pre>`
              : nothing
          }`;
      case 'task':
        return html`${head(`Task: ${entry.title}`)}${lines(entry.lines)}`;
      case 'workflow':
        return html`${head(`Workflow: ${entry.title}`)}
          <ul class="tasks">
            ${entry.tasks.map((task) => html`<li><span class="label">${task.title}</span>${lines(task.lines)}</li>`)}
          </ul>`;
      case 'image':
        return html`${head('Generated image')}${links('Image', [entry.link])}`;
      case 'input':
        return html`${head('Questions asked')}
          <dl>
            ${entry.questions.map(
              (q) =>
                html`<dt>${q.question}</dt>
                  <dd>${q.answer}</dd>`,
            )}
          </dl>`;
      case 'other':
        return html`${head(`Item of type ${entry.type}`)}${entry.unreadable ? html`<p class="text">This item could not be read.</p>` : nothing}`;
      default:
        return entry satisfies never;
    }
  }
}

function lines(texts: string[]) {
  return texts.length
    ? html`<ul class="lines">
        ${texts.map((text) => html`<li>${text}</li>`)}
      </ul>`
    : nothing;
}

/** Links open in a new tab with no referrer and no opener; a URL that is not http(s) is text. */
function links(label: string, items: Link[]) {
  if (!items.length) return nothing;
  return html`<p class="label">${label}</p>
    <ul class="links">
      ${items.map((item) =>
        item.href
          ? html`<li><a href=${item.href} target="_blank" rel="noopener noreferrer">${item.label}</a></li>`
          : html`<li>${item.label}</li>`,
      )}
    </ul>`;
}
