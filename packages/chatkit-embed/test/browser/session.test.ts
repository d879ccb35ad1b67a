import { expect } from '@open-wc/testing';
import { html } from 'lit';
import { FAKE_SRC, hosted, inner, mount, recordEvents, requestsFor, uniqueKey, waitForState } from './helpers.js';

function errorText(el: HTMLElement): string {
  return el.shadowRoot!.querySelector('[part="error-message"]')?.textContent ?? '';
}

describe('<chatkit-embed> session endpoint failures', () => {
  it('401: shows the error state with the status, without retrying', async () => {
    const key = uniqueKey();
    const errors = recordEvents(document, 'chatkit-embed-error');
    const el = await hosted(key, 'status', '&code=401');
    await waitForState(el, 'error');
    expect(el.error).to.include({ code: 'session-failed', status: 401 });
    expect(errorText(el)).to.contain('401');
    expect((await requestsFor(key)).length).to.equal(1);
    const mine = errors.filter((e) => e.target === el);
    expect(mine).to.have.length(1);
    expect(mine[0]!.detail).to.include({ code: 'session-failed', status: 401, fatal: true });
  });

  it('500 once: retries and gets ready', async () => {
    const key = uniqueKey();
    const el = await hosted(key, 'flaky', '&fail=1&code=500');
    await waitForState(el, 'ready');
    expect((await requestsFor(key)).length).to.equal(2);
  });

  it('500 every time: gives up after four attempts with an error the page can act on', async () => {
    const key = uniqueKey();
    const el = await hosted(key, 'status', '&code=500');
    await waitForState(el, 'error', 9000);
    expect(el.error).to.include({ code: 'session-failed', status: 500 });
    expect((await requestsFor(key)).length).to.equal(4);
  });

  it('429 with Retry-After: waits as asked, then succeeds', async () => {
    const key = uniqueKey();
    const started = performance.now();
    const el = await hosted(key, 'flaky', '&fail=1&code=429&retryAfter=1');
    await waitForState(el, 'ready');
    expect(performance.now() - started).to.be.at.least(1000);
    expect((await requestsFor(key)).length).to.equal(2);
  });

  it('429 asking for an hour: fails at once instead of hanging', async () => {
    const key = uniqueKey();
    const el = await hosted(key, 'status', '&code=429&retryAfter=3600');
    await waitForState(el, 'error');
    expect(el.error).to.include({ code: 'session-failed', status: 429 });
    expect((await requestsFor(key)).length).to.equal(1);
  });

  it('malformed JSON: says so', async () => {
    const el = await hosted(uniqueKey(), 'malformed');
    await waitForState(el, 'error');
    expect(errorText(el)).to.contain('did not return JSON');
  });

  it('no client_secret: says so', async () => {
    const el = await hosted(uniqueKey(), 'no-secret');
    await waitForState(el, 'error');
    expect(errorText(el)).to.contain('"client_secret"');
  });

  it('an API key instead of a client secret: refused, never passed to ChatKit or shown', async () => {
    const el = await hosted(uniqueKey(), 'api-key');
    await waitForState(el, 'error');
    expect(errorText(el)).to.contain('API key');
    expect(el.shadowRoot!.innerHTML).not.to.contain('THISISNOTAREALKEY');
    expect(el.shadowRoot!.querySelector('openai-chatkit')).to.equal(null);
  });

  it('too late: times out each attempt and reports a timeout', async () => {
    const key = uniqueKey();
    const el = await mount(
      html`<chatkit-embed script-src=${FAKE_SRC} session-timeout="200" session-url="/session/slow?ms=3000&key=${key}"></chatkit-embed>`,
    );
    await waitForState(el, 'error', 9000);
    expect(el.error!.code).to.equal('session-failed');
    expect(errorText(el)).to.contain('did not answer within 0.2 s');
  });

  it('the retry button starts over and recovers', async () => {
    const key = uniqueKey();
    const el = await hosted(key, 'flaky', '&fail=1&code=403');
    await waitForState(el, 'error');
    const button = el.shadowRoot!.querySelector<HTMLButtonElement>('[part="retry-button"]')!;
    expect(button.textContent).to.contain('Try again');
    button.click();
    await waitForState(el, 'ready');
    expect((await requestsFor(key)).length).to.equal(2);
  });

  it('sends the configured headers, credentials and body', async () => {
    const key = uniqueKey();
    const el = await mount(
      html`<chatkit-embed
        script-src=${FAKE_SRC}
        session-url="/session/ok?key=${key}"
        .sessionHeaders=${{ 'x-site': 'shop' }}
        .sessionBody=${{ page: '/pricing' }}
      ></chatkit-embed>`,
    );
    await waitForState(el, 'ready');
    const [request] = await requestsFor(key);
    expect(request!.headers['x-site']).to.equal('shop');
    expect(request!.headers['content-type']).to.equal('application/json');
    expect(JSON.parse(request!.body)).to.deep.equal({ page: '/pricing' });
  });
});

describe('<chatkit-embed> secret refresh', () => {
  it('refreshes ahead of expiry, so ChatKit gets a fresh secret without waiting', async function () {
    this.timeout(12_000);
    const key = uniqueKey();
    // Lives 7-8 s (expires_at is in whole seconds): the element refreshes at half of
    // that (3.5-4 s), the fake asks 2 s before expiry (5-6 s), and the element's next
    // refresh is due at 7-8 s. At 6.5 s exactly two sessions exist.
    const el = await hosted(key, 'ok', '&ttl=8');
    await waitForState(el, 'ready');
    const chat = inner(el);
    await new Promise((resolve) => setTimeout(resolve, 6500));
    expect(chat.secrets).to.have.length(2);
    expect(chat.secrets[0]).to.match(/^ek_1@/);
    expect(chat.secrets[1]).to.match(/^ek_2@/);
    expect((await requestsFor(key)).length).to.equal(2);
  });

  it('stops refreshing once removed', async () => {
    const key = uniqueKey();
    // Lives 3-4 s: a refresh would be due within 2 s; removal must cancel it.
    const el = await hosted(key, 'ok', '&ttl=4');
    await waitForState(el, 'ready');
    el.remove();
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect((await requestsFor(key)).length).to.equal(1);
  });
});
