import { expect, waitUntil } from '@open-wc/testing';
import type { ChatKitEmbed } from '../../src/index.js';
import { diagnose } from '../../src/diagnostics/diagnostics.js';
import { shellEnglish as english } from '../../src/i18n/strings.js';
import { requestsFor, uniqueKey } from './helpers.js';

const part = <T extends Element = HTMLElement>(el: ChatKitEmbed, name: string) => el.shadowRoot!.querySelector<T>(`[part~="${name}"]`);

/** Loads `/page?...` in an iframe and returns its <chatkit-embed> once the bundle has defined it. */
async function openPage(query: string): Promise<{ el: ChatKitEmbed; frame: HTMLIFrameElement }> {
  const frame = document.createElement('iframe');
  frame.src = `/page?${query}`;
  frame.style.cssText = 'width:800px;height:700px';
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  document.body.append(frame);
  await loaded;
  const el = frame.contentDocument!.querySelector('chatkit-embed') as ChatKitEmbed;
  await waitUntil(() => el.shadowRoot, 'the bundle never defined the element');
  await el.updateComplete;
  return { el, frame };
}

/** How many times the test's own folder served the core. */
async function coreRequests(key: string): Promise<number> {
  return (await requestsFor(key)).filter((request) => request.path.endsWith('/chatkit-embed-core.js')).length;
}

/** Loads `/page?...` in an iframe and returns its <chatkit-embed> once it settles. */
async function loadPage(query: string): Promise<{ el: ChatKitEmbed; frame: HTMLIFrameElement }> {
  const page = await openPage(query);
  await waitUntil(() => page.el.state === 'ready' || page.el.state === 'error', 'never settled', { timeout: 20_000 });
  return page;
}

describe('the script-tag bundle (dist/cdn/chatkit-embed.js) on bare pages', () => {
  afterEach(() => {
    document.querySelectorAll('iframe').forEach((f) => f.remove());
    // Launcher pages remember their open state per origin.
    localStorage.clear();
  });

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

  it('without its core, an inline chat says so in the reader\'s words, and "Try again" loads it', async () => {
    const key = uniqueKey();
    const { el } = await loadPage(`core=flaky&key=${key}`);
    expect(el.state).to.equal('error');
    expect(el.error!.code).to.equal('script-load-failed');
    const notice = part(el, 'error')!;
    expect(notice.hidden).to.equal(false);
    expect(notice.getAttribute('role')).to.equal('alert');
    expect(notice.textContent).to.equal(english.loadFailed + english.retry);
    // It covers the chat's box.
    const [box, shown] = [el.getBoundingClientRect(), notice.getBoundingClientRect()];
    expect([shown.width, shown.height]).to.deep.equal([box.width, box.height]);
    expect(await coreRequests(key)).to.equal(1);

    part<HTMLButtonElement>(el, 'retry-button')!.click();
    await waitUntil(() => el.state === 'ready', 'the retried chat never got ready', { timeout: 20_000 });
    expect(await coreRequests(key)).to.equal(2);
    // The core's own views replace the notice.
    expect(el.shadowRoot!.querySelectorAll('[part~="error"]')).to.have.length(1);
    expect(part(el, 'error')!.hidden).to.equal(true);
    expect(part(el, 'chat')!.querySelector('openai-chatkit')).not.to.equal(null);
  });

  it('without its core, an opened launcher shows the notice where its panel would be; "Try again" opens the chat', async () => {
    const key = uniqueKey();
    const { el } = await openPage(`launcher=1&core=flaky&key=${key}`);
    expect(el.open()).to.equal(true);
    await waitUntil(() => el.state === 'error', 'the missing core was never reported', { timeout: 20_000 });
    await el.updateComplete;
    const notice = part(el, 'error')!;
    const button = part(el, 'launcher-button')!;
    expect(notice.matches(':popover-open')).to.equal(true);
    expect(notice.textContent).to.equal(english.loadFailed + english.retry);
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    expect(part(el, 'panel')).to.equal(null);
    // Above the button, aligned with it, a gap between.
    const [shown, under] = [notice.getBoundingClientRect(), button.getBoundingClientRect()];
    expect(under.top - shown.bottom).to.equal(12);
    expect(shown.right).to.equal(under.right);
    // Closed with focus in the notice, focus goes back to the button.
    part<HTMLButtonElement>(el, 'retry-button')!.focus();
    expect(el.close()).to.equal(true);
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement).to.equal(button);
    expect(notice.matches(':popover-open')).to.equal(false);
    expect(el.open()).to.equal(true);
    await el.updateComplete;
    expect(notice.matches(':popover-open')).to.equal(true);

    part<HTMLButtonElement>(el, 'retry-button')!.click();
    await waitUntil(() => el.state === 'ready', 'the retried chat never got ready', { timeout: 20_000 });
    await el.updateComplete;
    expect(part(el, 'panel')!.matches(':popover-open')).to.equal(true);
    expect(el.shadowRoot!.querySelector('.fallback')).to.equal(null);
  });

  it('a launcher opened while its core is on the way opens as soon as it arrives, with focus in the panel', async () => {
    const key = uniqueKey();
    const { el } = await openPage(`launcher=1&core=held&key=${key}`);
    expect(el.open()).to.equal(true);
    await waitUntil(async () => (await coreRequests(key)) === 1, 'the core was never asked for');
    await el.updateComplete;
    expect(el.state).to.equal('loading');
    expect(part(el, 'launcher-button')!.getAttribute('aria-expanded')).to.equal('true');
    expect(part(el, 'panel')).to.equal(null);

    await fetch(`/release-core?key=${key}`);
    await waitUntil(() => part(el, 'panel')?.matches(':popover-open'), 'the panel never opened', { timeout: 20_000 });
    const panel = part(el, 'panel')!;
    await waitUntil(() => panel.contains(el.shadowRoot!.activeElement), 'focus never reached the panel');
    await waitUntil(() => el.state === 'ready', 'never ready', { timeout: 20_000 });
  });

  it('a launcher opened while its core is on the way leaves focus alone if the reader moved it meanwhile', async () => {
    const key = uniqueKey();
    const { el } = await openPage(`launcher=1&core=held&key=${key}`);
    el.open();
    await waitUntil(async () => (await coreRequests(key)) === 1, 'the core was never asked for');
    const doc = el.ownerDocument;
    const elsewhere = doc.body.appendChild(doc.createElement('input'));
    elsewhere.focus();
    await fetch(`/release-core?key=${key}`);
    await waitUntil(() => el.state === 'ready', 'never ready', { timeout: 20_000 });
    await el.updateComplete;
    expect(part(el, 'panel')!.matches(':popover-open')).to.equal(true);
    expect(doc.activeElement).to.equal(elsewhere);
  });

  it('open() on a launcher whose core another chat already loaded moves focus into its panel', async () => {
    const { el } = await openPage(`launcher=1&key=${uniqueKey()}`);
    const doc = el.ownerDocument;
    // An inline chat on the same page loads the core first.
    const inline = doc.createElement('chatkit-embed');
    inline.setAttribute('script-src', '/fake/chatkit.js');
    inline.setAttribute('session-url', `/session/ok?key=${uniqueKey()}`);
    doc.body.append(inline);
    await waitUntil(() => inline.state === 'ready', 'the inline chat never got ready', { timeout: 20_000 });
    expect(part(el, 'panel')).to.equal(null);

    expect(el.open()).to.equal(true);
    await waitUntil(() => part(el, 'panel')?.matches(':popover-open'), 'the panel never opened');
    await waitUntil(() => part(el, 'panel')!.contains(el.shadowRoot!.activeElement), 'focus never reached the panel');
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
