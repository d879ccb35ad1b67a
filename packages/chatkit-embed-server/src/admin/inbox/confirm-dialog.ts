import { html } from 'lit';
import { state } from 'lit/decorators.js';
import { LightElement } from './light-element.js';

/**
 * @summary A modal confirmation on a native `<dialog>`: Escape or Cancel answer no, and
 * focus goes back to what had it before.
 */
export class InboxConfirm extends LightElement {
  @state() private message = '';
  @state() private action = '';
  #answer?: (confirmed: boolean) => void;
  #returnTo: HTMLElement | null = null;

  /** Shows the question; resolves true only when the action button is chosen. */
  async ask(message: string, action: string): Promise<boolean> {
    this.#answer?.(false);
    this.message = message;
    this.action = action;
    this.#returnTo = document.activeElement as HTMLElement | null;
    await this.updateComplete;
    const dialog = this.querySelector('dialog')!;
    dialog.returnValue = '';
    dialog.showModal();
    // The safe choice has focus first: Enter right away cancels.
    this.querySelector<HTMLButtonElement>('button[value="cancel"]')!.focus();
    return new Promise((resolve) => (this.#answer = resolve));
  }

  // Buttons, not a `method="dialog"` form: the page's CSP has `form-action 'none'`.
  #close(value: string) {
    this.querySelector('dialog')!.close(value);
  }

  #closed(event: Event) {
    const confirmed = (event.target as HTMLDialogElement).returnValue === 'confirm';
    const answer = this.#answer;
    this.#answer = undefined;
    if (this.#returnTo?.isConnected) this.#returnTo.focus();
    answer?.(confirmed);
  }

  override render() {
    return html`
      <dialog aria-labelledby="confirm-heading" aria-describedby="confirm-message" @close=${this.#closed}>
        <h2 id="confirm-heading">${this.action}?</h2>
        <p id="confirm-message">${this.message}</p>
        <div class="actions">
          <button type="button" value="cancel" @click=${() => this.#close('cancel')}>Cancel</button>
          <button type="button" value="confirm" class="danger" @click=${() => this.#close('confirm')}>${this.action}</button>
        </div>
      </dialog>
    `;
  }
}
