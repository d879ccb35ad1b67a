import { expect, waitUntil } from '@open-wc/testing';
import { html } from 'lit';
import { FAKE_SRC, inner, mount, requestsFor, uniqueKey, waitForState } from './helpers.js';

describe('<chatkit-embed> self-hosted mode', () => {
  it('passes url and domainKey, and no fetch of its own without session-url', async () => {
    const key = uniqueKey();
    const el = await mount(
      html`<chatkit-embed script-src=${FAKE_SRC} api-url="/backend?key=${key}" domain-key="domain_pk_localhost_dev"></chatkit-embed>`,
    );
    await waitForState(el, 'ready');
    const api = inner(el).options!.api as { url: string; domainKey: string; fetch?: unknown };
    expect(api.url).to.equal(`/backend?key=${key}`);
    expect(api.domainKey).to.equal('domain_pk_localhost_dev');
    expect(api.fetch).to.equal(undefined);
    const [request] = await requestsFor(key);
    expect(request!.headers.authorization).to.equal(undefined);
  });

  it('keeps other options.api fields, such as uploadStrategy', async () => {
    const el = await mount(
      html`<chatkit-embed
        script-src=${FAKE_SRC}
        api-url="/backend?key=${uniqueKey()}"
        domain-key="domain_pk_localhost_dev"
        .options=${{ api: { url: 'ignored', domainKey: 'ignored', uploadStrategy: { type: 'two_phase' } } }}
      ></chatkit-embed>`,
    );
    await waitForState(el, 'ready');
    expect(inner(el).options!.api).to.deep.include({
      url: el.apiUrl,
      domainKey: 'domain_pk_localhost_dev',
      uploadStrategy: { type: 'two_phase' },
    });
  });

  it('with session-url, every backend request carries a bearer token from it', async () => {
    const key = uniqueKey();
    const tokenKey = uniqueKey('token');
    const el = await mount(
      html`<chatkit-embed
        script-src=${FAKE_SRC}
        api-url="/backend?key=${key}&auth=1"
        domain-key="domain_pk_localhost_dev"
        session-url="/session/ok?key=${tokenKey}"
      ></chatkit-embed>`,
    );
    await waitForState(el, 'ready');
    const [request] = await requestsFor(key);
    expect(request!.headers.authorization).to.match(/^Bearer ek_1@\d+$/);
    expect((await requestsFor(tokenKey)).length).to.equal(1);
    expect(inner(el).backendStatuses).to.deep.equal([200]);
  });

  it('on a 401 fetches a new token and retries once', async () => {
    const key = uniqueKey();
    const tokenKey = uniqueKey('token');
    const el = await mount(
      html`<chatkit-embed
        script-src=${FAKE_SRC}
        api-url="/backend?key=${key}&rejectFirst=1"
        domain-key="domain_pk_localhost_dev"
        session-url="/session/ok?key=${tokenKey}"
      ></chatkit-embed>`,
    );
    await waitForState(el, 'ready');
    const sent = (await requestsFor(key)).map((r) => r.headers.authorization);
    expect(sent).to.have.length(2);
    expect(sent[0]).to.match(/^Bearer ek_1@/);
    expect(sent[1]).to.match(/^Bearer ek_2@/);
    expect(inner(el).backendStatuses).to.deep.equal([200]);
  });

  it('without a domain key: a config error naming domain-key, and nothing is requested', async () => {
    const key = uniqueKey();
    const el = await mount(html`<chatkit-embed script-src=${FAKE_SRC} api-url="/backend?key=${key}"></chatkit-embed>`);
    await waitForState(el, 'error');
    expect(el.error).to.include({ code: 'config-invalid', attribute: 'domain-key' });
    expect(await requestsFor(key)).to.deep.equal([]);
  });

  it('switching from session-url to api-url starts a new chat on the new backend', async () => {
    const el = await mount(html`<chatkit-embed script-src=${FAKE_SRC} session-url="/session/ok?key=${uniqueKey()}"></chatkit-embed>`);
    await waitForState(el, 'ready');
    const hostedChat = inner(el);
    el.sessionUrl = null;
    el.apiUrl = `/backend?key=${uniqueKey()}`;
    el.domainKey = 'domain_pk_localhost_dev';
    await waitUntil(() => el.state === 'ready' && inner(el) !== hostedChat, 'no new chat');
    expect(hostedChat.isConnected).to.equal(false);
    expect('url' in inner(el).options!.api).to.equal(true);
  });
});
