import { expect } from '@open-wc/testing';
import { html } from 'lit';
import { mount, uniqueKey, waitForState } from './helpers.js';

// Its own page: the ChatKit script must not be loaded yet.
describe('<chatkit-embed> start-up', () => {
  it('fetches the first secret while the script loads, not after it', async () => {
    const key = uniqueKey();
    // Each takes at least 600 ms; one after the other would take 1.2 s or more.
    const started = performance.now();
    const el = await mount(
      html`<chatkit-embed
        script-src="/fake/chatkit.js?delay=600"
        session-url="/session/slow?ms=600&key=${key}"
      ></chatkit-embed>`,
    );
    await waitForState(el, 'ready');
    const elapsed = performance.now() - started;
    expect(elapsed).to.be.at.least(600);
    expect(elapsed).to.be.below(1100);
  });
});
