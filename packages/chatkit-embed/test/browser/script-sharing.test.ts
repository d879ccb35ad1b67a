import { expect } from '@open-wc/testing';
import { html } from 'lit';
import { mount, uniqueKey, waitForState } from './helpers.js';

// Its own page: `openai-chatkit` is not defined when the first test starts, so the
// loader really has to share one script among chats that start together.
describe('<chatkit-embed> script loading across chats', () => {
  const src = '/fake/chatkit.js?delay=300&shared=1';
  const scripts = (match: string) => [...document.scripts].filter((s) => s.src.includes(match));

  it('chats that start together share one <script>', async () => {
    const [a, b] = await Promise.all([
      mount(html`<chatkit-embed script-src=${src} session-url="/session/ok?key=${uniqueKey()}"></chatkit-embed>`),
      mount(html`<chatkit-embed script-src=${src} session-url="/session/ok?key=${uniqueKey()}"></chatkit-embed>`),
    ]);
    expect(customElements.get('openai-chatkit')).to.equal(undefined);
    await Promise.all([waitForState(a, 'ready'), waitForState(b, 'ready')]);
    expect(scripts('shared=1')).to.have.length(1);
  });

  it('inserts no script at all once openai-chatkit is defined', async () => {
    const el = await mount(
      html`<chatkit-embed script-src="/fake/chatkit.js?second=1" session-url="/session/ok?key=${uniqueKey()}"></chatkit-embed>`,
    );
    await waitForState(el, 'ready');
    expect(scripts('second=1')).to.have.length(0);
  });
});
