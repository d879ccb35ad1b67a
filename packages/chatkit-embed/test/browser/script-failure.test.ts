import { expect } from '@open-wc/testing';
import { html } from 'lit';
import { mount, recordEvents, requestsFor, uniqueKey, waitForState } from './helpers.js';

// Its own page: `openai-chatkit` is never defined here until the last test.
describe('<chatkit-embed> when the ChatKit script does not arrive', () => {
  it('a script that fails to load gives script-load-failed, with the reason and a retry button', async () => {
    const errors = recordEvents(document, 'chatkit-embed-error');
    const el = await mount(html`<chatkit-embed script-src="/fake/broken.js" session-url="/session/ok?key=${uniqueKey()}"></chatkit-embed>`);
    await waitForState(el, 'error');
    expect(el.error!.code).to.equal('script-load-failed');
    const message = el.shadowRoot!.querySelector('[part="error-message"]')!.textContent!;
    expect(message).to.contain('/fake/broken.js');
    expect(message).to.contain('Content-Security-Policy');
    expect(el.shadowRoot!.querySelector<HTMLElement>('[part="retry-button"]')!.hidden).to.equal(false);
    expect(errors.filter((e) => e.target === el).map((e) => e.detail.code)).to.deep.equal(['script-load-failed']);
    // The failed <script> is not left behind.
    expect([...document.scripts].filter((s) => s.src.includes('broken.js'))).to.have.length(0);
  });

  it('a script that loads but never defines the element times out with a clear error', async () => {
    const el = await mount(
      html`<chatkit-embed
        script-src="/fake/defines-nothing.js"
        load-timeout="300"
        session-url="/session/ok?key=${uniqueKey()}"
      ></chatkit-embed>`,
    );
    await waitForState(el, 'error');
    expect(el.error!.code).to.equal('script-load-failed');
    expect(el.error!.message).to.contain('did not start within 0.3 s');
  });

  it('"Try again" after a CDN error asks for the script again, and gets ready', async () => {
    const key = uniqueKey();
    const el = await mount(
      html`<chatkit-embed script-src="/fake/flaky.js?key=${key}" session-url="/session/ok?key=${key}"></chatkit-embed>`,
    );
    await waitForState(el, 'error');
    expect(el.error!.code).to.equal('script-load-failed');
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part="retry-button"]')!.click();
    await waitForState(el, 'ready');
    const scripts = (await requestsFor(key)).filter((request) => request.path === '/fake/flaky.js');
    expect(scripts).to.have.length(2);
  });
});
