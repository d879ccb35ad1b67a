import { html } from 'lit';
import { property } from 'lit/decorators.js';
import { LightElement } from './light-element.js';
import { InboxLoginEvent } from './events.js';

/**
 * @summary The sign-in form: the admin credential, kept by the app in this tab only.
 * @fires inbox-login - with the credential typed.
 */
export class InboxLogin extends LightElement {
  /** The last attempt's failure, shown under the field. */
  @property() error = '';
  /** True while the credential is being checked. */
  @property({ type: Boolean }) busy = false;

  override updated(): void {
    if (this.error) this.querySelector<HTMLInputElement>('#credential')?.focus();
  }

  #submit(event: SubmitEvent) {
    event.preventDefault();
    const input = this.querySelector<HTMLInputElement>('#credential')!;
    if (input.value) this.dispatchEvent(new InboxLoginEvent(input.value));
  }

  override render() {
    return html`
      <form class="login" @submit=${this.#submit} aria-labelledby="login-heading">
        <h2 id="login-heading">Sign in</h2>
        <p>Enter the admin credential the server was started with (<code>CHATKIT_ADMIN_TOKEN</code>). It is kept in this tab only.</p>
        <label for="credential">Admin credential</label>
        <input
          id="credential"
          name="credential"
          type="password"
          autocomplete="off"
          required
          aria-invalid=${this.error ? 'true' : 'false'}
          aria-describedby="login-error"
        />
        <p id="login-error" class="error" role="alert">${this.error}</p>
        <button type="submit" ?disabled=${this.busy}>${this.busy ? 'Signing in…' : 'Sign in'}</button>
      </form>
    `;
  }
}
