import { expect } from '@open-wc/testing';
import { html } from 'lit';
import { mount, uniqueKey, waitForState } from './helpers.js';

// Its own page: the ChatKit script must not be loaded yet.
describe('<chatkit-embed> start-up', () => {
  it('fetches the first secret while the script loads, not after it', async () => {
    const key = uniqueKey();
    // The script is held until the session request has arrived, so an element that
    // waited for the script before asking would fail to load it. How much time the
    // overlap saves is measured by `npm run bench` (time to chatkit.ready).
    const el = await mount(
      html`<chatkit-embed script-src="/fake/chatkit.js?waitFor=${key}" session-url="/session/ok?key=${key}"></chatkit-embed>`,
    );
    await waitForState(el, 'ready');
    expect(el.state).to.equal('ready');
  });
});
