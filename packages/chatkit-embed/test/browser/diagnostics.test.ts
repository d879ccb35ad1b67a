import { expect, waitUntil } from '@open-wc/testing';
import { html } from 'lit';
import type { ChatKitEmbed, ChatKitEmbedDiagnostic, ChatKitEmbedLogEntry } from '../../src/index.js';
import { DIAGNOSTICS, type DiagnosticCode } from '../../src/diagnostics/diagnostics.js';
import { FAKE_SRC, inner, mount, recordEvents, uniqueKey, waitForState } from './helpers.js';

/** The same test server on another origin: what a cross-origin endpoint or CDN looks like. */
const OTHER_ORIGIN = `http://127.0.0.1:${location.port}`;

async function diagnosed(el: ChatKitEmbed, code: DiagnosticCode): Promise<ChatKitEmbedDiagnostic> {
  await waitUntil(() => el.diagnostics.some((d) => d.code === code), `no ${code} (have: ${el.diagnostics.map((d) => d.code)})`, {
    timeout: 9000,
  });
  const diagnostic = el.diagnostics.find((d) => d.code === code)!;
  // Every diagnostic carries its table entry's level and fix, placeholders filled.
  expect(diagnostic.level).to.equal(DIAGNOSTICS[code].level);
  expect(diagnostic.fix).not.to.match(/\{\w+\}/);
  expect(diagnostic.message).not.to.match(/\{\w+\}/);
  return diagnostic;
}

function hostedAt(sessionUrl: string, extra = ''): Promise<ChatKitEmbed> {
  const el = document.createElement('chatkit-embed');
  el.scriptSrc = FAKE_SRC;
  el.sessionUrl = sessionUrl;
  for (const pair of extra.split(' ').filter(Boolean)) {
    const [name, value = ''] = pair.split('=');
    el.setAttribute(name!, value);
  }
  return mount(html`${el}` as never).then(() => el);
}

describe('<chatkit-embed> self-diagnosis', () => {
  it('fires chatkit-embed-diagnostic (bubbling, composed) and lists it in diagnostics; the error state shows the fix', async () => {
    const events = recordEvents(document, 'chatkit-embed-diagnostic');
    const el = await hostedAt(`/session/status?code=500&key=${uniqueKey()}`);
    const diagnostic = await diagnosed(el, 'session-http-error');
    expect(diagnostic.params.status).to.equal('500');
    expect(diagnostic.message).to.contain('HTTP 500');
    const event = events.find((e) => e.detail.code === 'session-http-error')!;
    expect([event.bubbles, event.composed]).to.deep.equal([true, true]);
    expect(event.detail).to.deep.equal(diagnostic);
    await waitForState(el, 'error');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part="error-fix"]')!.textContent).to.equal(diagnostic.fix);
    expect(el.error!.diagnostic).to.deep.equal(diagnostic);
    // A retry starts a fresh list.
    el.sessionUrl = `/session/ok?key=${uniqueKey()}`;
    await waitForState(el, 'ready');
    expect(el.diagnostics).to.deep.equal([]);
  });

  const sessionCases: Array<[string, DiagnosticCode, () => string, string?]> = [
    ['a cross-origin endpoint without CORS', 'session-cors', () => `${OTHER_ORIGIN}/session/ok?key=${uniqueKey()}`],
    ['malformed JSON', 'session-bad-json', () => `/session/malformed?key=${uniqueKey()}`],
    ['JSON without client_secret', 'session-no-secret', () => `/session/no-secret?key=${uniqueKey()}`],
    ['an expires_at that is not Unix seconds', 'session-bad-expiry', () => `/session/bad-expiry?key=${uniqueKey()}`],
    ['an expires_at already past', 'session-expired', () => `/session/expired?key=${uniqueKey()}`],
    ['no answer in time', 'session-timeout', () => `/session/slow?ms=2000&key=${uniqueKey()}`, 'session-timeout=200'],
    ['an API key', 'api-key-exposed', () => `/session/api-key?key=${uniqueKey()}`],
  ];
  for (const [what, code, url, extra] of sessionCases) {
    it(`a session endpoint answering with ${what} gives ${code}`, async () => {
      const el = await hostedAt(url(), extra);
      const diagnostic = await diagnosed(el, code);
      expect(JSON.stringify(diagnostic)).not.to.contain('sk-proj');
    });
  }

  it('a script refused by the Content-Security-Policy gives script-blocked-by-csp', async () => {
    const frame = document.createElement('iframe');
    frame.src = `/page?csp=self&key=${uniqueKey()}&chatkitSrc=${encodeURIComponent(`${OTHER_ORIGIN}/fake/chatkit.js`)}`;
    const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
    document.body.append(frame);
    await loaded;
    const el = frame.contentDocument!.querySelector('chatkit-embed') as ChatKitEmbed;
    const diagnostic = await diagnosed(el, 'script-blocked-by-csp');
    expect(diagnostic.params.origin).to.equal(OTHER_ORIGIN);
    expect(el.error!.message).to.contain('Content-Security-Policy blocked');
    frame.remove();
  });

  it('a zero-height box gives host-no-height; a hidden one gives host-hidden', async () => {
    const flat = await mount(
      html`<chatkit-embed
        style="--chatkit-embed-height: 0px; --chatkit-embed-min-height: 0px"
        loading="eager"
        script-src=${FAKE_SRC}
        session-url=${`/session/ok?key=${uniqueKey()}`}
      ></chatkit-embed>`,
    );
    await diagnosed(flat, 'host-no-height');
    const wrapper = (await mount(
      html`<div style="display: none">
        <chatkit-embed loading="eager" script-src=${FAKE_SRC} session-url=${`/session/ok?key=${uniqueKey()}`}></chatkit-embed>
      </div>` as never,
    )) as unknown as HTMLElement;
    await diagnosed(wrapper.querySelector('chatkit-embed')!, 'host-hidden');
  });

  it('api-url without a domain key gives domain-key-missing', async () => {
    const el = await mount(html`<chatkit-embed script-src=${FAKE_SRC} api-url="/backend"></chatkit-embed>`);
    await diagnosed(el, 'domain-key-missing');
    expect(el.state).to.equal('error');
  });

  it("a backend answering 401 to ChatKit gives backend-unauthorized, and ChatKit's own error comes through", async () => {
    // Tokens that are already expired: the backend refuses every request.
    const el = await mount(
      html`<chatkit-embed
        script-src=${FAKE_SRC}
        api-url="/backend?key=${uniqueKey()}&auth=1"
        domain-key="domain_pk_localhost_dev"
        session-url="/session/ok?ttl=-30&key=${uniqueKey('token')}"
      ></chatkit-embed>`,
    );
    const refused = await diagnosed(el, 'backend-unauthorized');
    expect(refused.params.status).to.equal('401');
    const chatkit = await diagnosed(el, 'chatkit-error');
    expect(chatkit.message).to.contain('backend answered 401');
  });

  it('options ChatKit no longer takes (clientToken) give option-removed and are not sent', async () => {
    const el = await mount(
      html`<chatkit-embed
        script-src=${FAKE_SRC}
        session-url=${`/session/ok?key=${uniqueKey()}`}
        .options=${{ clientToken: 'old', composer: { placeholder: 'kept' } } as never}
      ></chatkit-embed>`,
    );
    await waitForState(el, 'ready');
    const diagnostic = await diagnosed(el, 'option-removed');
    expect(diagnostic.params.option).to.equal('clientToken');
    expect(inner(el).options).not.to.have.property('clientToken');
    expect(inner(el).options!.composer).to.deep.equal({ placeholder: 'kept' });
  });

  it('an API key in an attribute gives api-key-exposed, naming the attribute but not the key', async () => {
    const el = await mount(
      html`<chatkit-embed script-src=${FAKE_SRC} session-url="/session/ok" greeting="sk-proj-THISISNOTAREALKEY0123456789"></chatkit-embed>`,
    );
    const diagnostic = await diagnosed(el, 'api-key-exposed');
    expect(diagnostic.params.where).to.equal('greeting');
    expect(JSON.stringify(el.diagnostics)).not.to.contain('THISISNOTAREALKEY');
  });

  it('a token in the query of an endpoint URL stays out of diagnostics, logs and remembered keys', async () => {
    const entries: ChatKitEmbedLogEntry[] = [];
    const el = await mount(
      html`<chatkit-embed
        mode="launcher"
        remember
        .log=${(entry: ChatKitEmbedLogEntry) => entries.push(entry)}
        script-src=${FAKE_SRC}
        session-url="/session/status?code=500&key=${uniqueKey()}&token=opaque-PAGE-TOKEN-42"
      ></chatkit-embed>`,
    );
    el.open();
    const diagnostic = await diagnosed(el, 'session-http-error');
    expect(diagnostic.params.url).to.equal(`${location.origin}/session/status`);
    const stored = Object.keys(localStorage).filter((key) => key.startsWith('chatkit-embed:'));
    expect(JSON.stringify([el.diagnostics, entries, stored, el.error?.message])).not.to.contain('PAGE-TOKEN');
    expect(stored).to.include(`chatkit-embed:${location.origin}/session/status`);
  });

  it("debug and log report the timeline and ChatKit's logs without a single secret", async () => {
    const printed: unknown[][] = [];
    const original = console.info;
    console.info = (...args: unknown[]) => printed.push(args);
    const entries: ChatKitEmbedLogEntry[] = [];
    const tokenKey = uniqueKey('token');
    try {
      const el = await mount(
        html`<chatkit-embed
          debug
          .log=${(entry: ChatKitEmbedLogEntry) => entries.push(entry)}
          script-src=${FAKE_SRC}
          api-url="/backend?key=${uniqueKey()}&auth=1"
          domain-key="domain_pk_localhost_dev"
          session-url="/session/ok?key=${tokenKey}"
        ></chatkit-embed>`,
      );
      await waitForState(el, 'ready');
      // Recognisable secrets, in the shapes ChatKit or a backend might log them.
      inner(el).emit('chatkit.log', {
        name: 'request',
        data: { token: 'ek_1@123456', note: 'Authorization: Bearer ek_9@999999', key: 'sk-proj-ABCDEFGHIJKLMNOP' },
      });
      inner(el).emit('chatkit.error', { error: new Error('refused eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl') });
      await waitUntil(() => entries.some((e) => e.event === 'chatkit.error'));
    } finally {
      console.info = original;
    }
    expect(entries.filter((e) => e.source === 'element').map((e) => e.event)).to.include.members([
      'script.requested',
      'script.defined',
      'secret.requested',
      'secret.received',
      'chatkit.mounted',
      'options.sent',
      'ready',
    ]);
    expect(entries.some((e) => e.source === 'chatkit' && e.event === 'chatkit.log')).to.equal(true);
    expect(printed.length).to.be.at.least(entries.length);
    const everything = JSON.stringify([entries, printed.map((args) => args.map((a) => (a instanceof Error ? a.message : a)))]);
    expect(everything).not.to.match(/ek_\d|sk-proj-|eyJhbGci|Bearer ek/);
    expect(everything).to.contain('[redacted]');
  });
});
