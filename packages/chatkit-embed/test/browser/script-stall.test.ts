import { expect } from '@open-wc/testing';
import { html } from 'lit';
import { mount, uniqueKey, waitForState } from './helpers.js';

// Its own page: `openai-chatkit` must not be defined when it starts.
describe('<chatkit-embed> when the ChatKit script stalls', () => {
  it('a stalled script is dropped on timeout, and retry loads a fresh one', async () => {
    const src = '/fake/chatkit.js?delay=1500';
    const el = await mount(
      html`<chatkit-embed script-src=${src} load-timeout="300" session-url="/session/ok?key=${uniqueKey()}"></chatkit-embed>`,
    );
    await waitForState(el, 'error');
    expect(el.error!.message).to.contain('did not start within 0.3 s');
    const stalled = [...document.scripts].filter((s) => s.src.endsWith(src));
    expect(stalled).to.have.length(0);
    el.loadTimeout = 5000;
    el.retry();
    await waitForState(el, 'ready');
    // A fresh request, under a URL the browser has no memory of.
    expect([...document.scripts].filter((s) => s.src.includes(src)).map((s) => new URL(s.src).search)).to.deep.equal([
      '?delay=1500&retry=1',
    ]);
  });
});
