import { expect, waitUntil } from '@open-wc/testing';
import type { ChatKitEmbed } from '../../src/index.js';
import { diagnose } from '../../src/diagnostics/diagnostics.js';
import { uniqueKey } from './helpers.js';

/** Loads `/page?...` in an iframe and returns its <chatkit-embed> once it settles. */
async function loadPage(query: string): Promise<{ el: ChatKitEmbed; frame: HTMLIFrameElement }> {
  const frame = document.createElement('iframe');
  frame.src = `/page?${query}`;
  frame.style.cssText = 'width:800px;height:700px';
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  document.body.append(frame);
  await loaded;
  const el = frame.contentDocument!.querySelector('chatkit-embed') as ChatKitEmbed;
  await waitUntil(() => el.state === 'ready' || el.state === 'error', 'never settled', { timeout: 20_000 });
  return { el, frame };
}

describe('the script-tag bundle (dist/cdn/chatkit-embed.js) on bare pages', () => {
  afterEach(() => document.querySelectorAll('iframe').forEach((f) => f.remove()));

  it('a plain page with one <script src> and the tag gets a working chat', async () => {
    const { el, frame } = await loadPage(`key=${uniqueKey()}`);
    expect(el.state).to.equal('ready');
    expect(frame.contentWindow!.customElements.get('chatkit-embed')).to.be.a('function');
    expect(el.shadowRoot!.querySelector('openai-chatkit')).not.to.equal(null);
  });

  for (const variant of ['async', 'defer', 'end']) {
    it(`works when the bundle is loaded ${variant === 'end' ? 'at the end of <body>' : `with ${variant}`}`, async () => {
      const { el } = await loadPage(`${variant}=1&key=${uniqueKey()}`);
      expect(el.state).to.equal('ready');
    });
  }

  it('loads ChatKit under a nonce-based CSP, taking the nonce from the page', async () => {
    const { el } = await loadPage(`csp=nonce&key=${uniqueKey()}`);
    expect(el.state).to.equal('ready');
  });

  it('under that CSP, a wrong nonce is blocked and reported (the policy is really enforced)', async () => {
    const { el } = await loadPage(`csp=nonce&elementNonce=wrong&key=${uniqueKey()}`);
    expect(el.state).to.equal('error');
    expect(el.error!.code).to.equal('script-load-failed');
  });

  it('loads its core script from the folder the bundle came from, and says so when it is missing', async () => {
    const { el } = await loadPage(`key=${uniqueKey()}`);
    const scripts = [...el.ownerDocument.scripts].map((script) => new URL(script.src).pathname);
    expect(scripts).to.include('/dist/cdn/chatkit-embed-core.js');

    const { el: broken } = await loadPage(`nocore=1&key=${uniqueKey()}`);
    expect(broken.state).to.equal('error');
    expect(broken.error!.code).to.equal('script-load-failed');
    expect(broken.error!.message).to.contain('/nocore/chatkit-embed-core.js');
    // The shell spells this diagnostic out itself (the table is in the core); it must match.
    const reason = broken.error!.message;
    expect(broken.diagnostics).to.deep.equal([diagnose('core-load-failed', { reason })]);
  });

  it('works on a page that enforces Trusted Types and allows the chatkit-embed policy', async () => {
    const { el } = await loadPage(`csp=trusted-types&key=${uniqueKey()}`);
    expect(el.state).to.equal('ready');
  });

  it('names the policy to allow when Trusted Types refuse it', async () => {
    const { el } = await loadPage(`csp=trusted-types&policies=lit-html&key=${uniqueKey()}`);
    expect(el.state).to.equal('error');
    expect(el.error!.message).to.contain('"chatkit-embed" policy');
  });

  it("the bundle is Lit's production build, with no dev-mode warning in it", async () => {
    const text = await (await fetch('/dist/cdn/chatkit-embed.js')).text();
    expect(text).not.to.contain('Lit is in dev mode');
    expect(text).not.to.match(/^\s*(import|export)\s/m);
  });
});
