import { expect } from '@open-wc/testing';
import { html } from 'lit';
import { CHATKIT_EVENT_NAMES } from '../../src/index.js';
import { FAKE_SRC, hosted, inner, mount, uniqueKey, waitForState } from './helpers.js';

describe('<chatkit-embed> methods', () => {
  it('has the eight ChatKit methods; calls made before ready are queued and run in order', async () => {
    const el = await hosted(uniqueKey(), 'slow', '&ms=300');
    await waitForState(el, 'loading');
    const done = Promise.all([
      el.setComposerValue({ text: 'draft' }),
      el.sendUserMessage({ text: 'hello' }),
      el.setThreadId('thr_2'),
      el.sendCustomAction({ type: 'buy' }, 'item_1'),
      el.showHistory(),
      el.hideHistory(),
      el.fetchUpdates(),
      el.focusComposer(),
    ]);
    await done;
    expect(el.state).to.equal('ready');
    expect(inner(el).methodCalls).to.deep.equal([
      { method: 'setComposerValue', args: [{ text: 'draft' }] },
      { method: 'sendUserMessage', args: [{ text: 'hello' }] },
      { method: 'setThreadId', args: ['thr_2'] },
      { method: 'sendCustomAction', args: [{ type: 'buy' }, 'item_1'] },
      { method: 'showHistory', args: [] },
      { method: 'hideHistory', args: [] },
      { method: 'fetchUpdates', args: [] },
      { method: 'focusComposer', args: [] },
    ]);
  });

  it('calls run at once when ready', async () => {
    const el = await hosted(uniqueKey());
    await waitForState(el, 'ready');
    await el.setThreadId(null);
    expect(inner(el).methodCalls).to.deep.equal([{ method: 'setThreadId', args: [null] }]);
  });

  it('queued calls reject with a clear error when ChatKit never becomes ready', async () => {
    const el = await hosted(uniqueKey(), 'status', '&code=401');
    const call = el.sendUserMessage({ text: 'hello' });
    let caught: { code?: string; message?: string } = {};
    await call.catch((error) => (caught = error));
    expect(caught.code).to.equal('not-ready');
    expect(caught.message).to.contain('401');
  });

  it('after a restart, calls go to the new ChatKit, not the removed one', async () => {
    const el = await hosted(uniqueKey());
    await waitForState(el, 'ready');
    const old = inner(el);
    el.sessionUrl = `/session/slow?ms=300&key=${uniqueKey()}`;
    await el.updateComplete;
    const call = el.setThreadId('thr_new');
    await waitForState(el, 'ready');
    await call;
    expect(old.methodCalls).to.deep.equal([]);
    expect(inner(el).methodCalls).to.deep.equal([{ method: 'setThreadId', args: ['thr_new'] }]);
  });

  it('when ChatKit loads but never gets ready, the element says so and queued calls reject', async () => {
    // The fake is never ready when the backend fails its first request.
    const el = await mount(
      html`<chatkit-embed
        script-src=${FAKE_SRC}
        load-timeout="500"
        api-url="/session/status?code=500&key=${uniqueKey()}"
        domain-key="domain_pk_localhost_dev"
      ></chatkit-embed>`,
    );
    let caught: { code?: string } = {};
    const call = el.focusComposer().catch((error) => (caught = error));
    await waitForState(el, 'error');
    expect(el.error!.code).to.equal('not-ready');
    expect(el.error!.message).to.contain('not ready within 0.5 s');
    await call;
    expect(caught.code).to.equal('not-ready');
  });

  it('a late failure of a getClientSecret from before a retry does not break the new start', async () => {
    let calls = 0;
    const el = await mount(
      html`<chatkit-embed
        script-src=${FAKE_SRC}
        .getClientSecret=${async () => {
          calls++;
          if (calls === 1) {
            await new Promise((resolve) => setTimeout(resolve, 400));
            throw new Error('first call fails late');
          }
          return 'ek_second';
        }}
      ></chatkit-embed>`,
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    el.retry();
    await waitForState(el, 'ready');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(el.state).to.equal('ready');
  });

  it('queued calls reject when the element is removed before ready', async () => {
    const el = await hosted(uniqueKey(), 'slow', '&ms=2000');
    const call = el.focusComposer();
    el.remove();
    let caught: { code?: string } = {};
    await call.catch((error) => (caught = error));
    expect(caught.code).to.equal('not-ready');
  });
});

describe('<chatkit-embed> events', () => {
  // One case per ChatKit event: name, bubbles, composed, detail, and exactly once.
  const details: Record<string, unknown> = {
    'chatkit.error': { error: new Error('boom') },
    'chatkit.effect': { name: 'confetti', data: { n: 1 } },
    'chatkit.deeplink': { name: 'open', data: { id: 'x' } },
    'chatkit.thread.change': { threadId: 'thr_1' },
    'chatkit.thread.load.start': { threadId: 'thr_1' },
    'chatkit.thread.load.end': { threadId: 'thr_1' },
    'chatkit.tool.change': { toolId: 'search' },
    'chatkit.log': { name: 'x', data: {} },
  };
  for (const name of CHATKIT_EVENT_NAMES) {
    it(`${name} reaches a document listener once, bubbling and composed, detail intact`, async () => {
      const el = await hosted(uniqueKey());
      await waitForState(el, 'ready');
      const onHost: Event[] = [];
      const onDocument: CustomEvent[] = [];
      const hostListener = (e: Event) => onHost.push(e);
      const docListener = (e: Event) => onDocument.push(e as CustomEvent);
      el.addEventListener(name, hostListener);
      document.addEventListener(name, docListener);
      try {
        inner(el).emit(name, details[name] as never);
      } finally {
        el.removeEventListener(name, hostListener);
        document.removeEventListener(name, docListener);
      }
      expect(onHost).to.have.length(1);
      expect(onDocument).to.have.length(1);
      const event = onDocument[0]!;
      expect(event.target).to.equal(el);
      expect(event.bubbles).to.equal(true);
      expect(event.composed).to.equal(true);
      expect(event.detail).to.equal(details[name] ?? null);
    });
  }

  it('chatkit-embed-ready: bubbles, composed, once', async () => {
    const seen: Event[] = [];
    const listener = (e: Event) => seen.push(e);
    document.addEventListener('chatkit-embed-ready', listener);
    const el = await hosted(uniqueKey());
    await waitForState(el, 'ready');
    document.removeEventListener('chatkit-embed-ready', listener);
    const mine = seen.filter((e) => e.target === el);
    expect(mine).to.have.length(1);
    expect(mine[0]!.bubbles && mine[0]!.composed).to.equal(true);
  });

  it('chatkit-embed-script-load: bubbles, composed, names the script', async () => {
    const seen: CustomEvent[] = [];
    const listener = (e: Event) => seen.push(e as CustomEvent);
    document.addEventListener('chatkit-embed-script-load', listener);
    const el = await mount(html`<chatkit-embed script-src=${FAKE_SRC} session-url="/session/ok?key=${uniqueKey()}"></chatkit-embed>`);
    await waitForState(el, 'ready');
    document.removeEventListener('chatkit-embed-script-load', listener);
    const mine = seen.filter((e) => e.target === el);
    expect(mine).to.have.length(1);
    expect(mine[0]!.bubbles && mine[0]!.composed).to.equal(true);
    expect(mine[0]!.detail).to.deep.equal({ src: FAKE_SRC });
  });
});
