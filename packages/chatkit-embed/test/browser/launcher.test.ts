import { expect, waitUntil } from '@open-wc/testing';
import { emulateMedia, executeServerCommand, resetMouse, sendKeys, sendMouse, setViewport } from '@web/test-runner-commands';
import { html } from 'lit';
import type { ChatKitEmbed } from '../../src/index.js';
import { FAKE_SRC, inner, mount, recordEvents, requestsFor, sleep, uniqueKey, waitForState } from './helpers.js';

function launcher(key: string, extra = ''): Promise<ChatKitEmbed> {
  return mount(
    html`<chatkit-embed mode="launcher" script-src=${FAKE_SRC} session-url=${`/session/ok?key=${key}${extra}`}></chatkit-embed>`,
  );
}

const part = <T extends Element = HTMLElement>(el: ChatKitEmbed, name: string) => el.shadowRoot!.querySelector<T>(`[part~="${name}"]`)!;

/** The panel, which comes with the core when the chat first starts. */
async function panelOf(el: ChatKitEmbed): Promise<HTMLElement> {
  await waitUntil(() => part(el, 'panel'), 'the panel never came');
  await el.updateComplete;
  return part(el, 'panel');
}

/** The focused element, looking through shadow roots. */
function deepActive(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** What a CSS colour keyword computes to here. */
function colourOf(keyword: string): string {
  const probe = document.createElement('span');
  probe.style.color = keyword;
  document.body.append(probe);
  const value = getComputedStyle(probe).color;
  probe.remove();
  return value;
}

function center(element: Element): [number, number] {
  const rect = element.getBoundingClientRect();
  return [Math.round(rect.x + rect.width / 2), Math.round(rect.y + rect.height / 2)];
}

describe('<chatkit-embed mode="launcher">', () => {
  afterEach(async () => {
    await resetMouse();
    await setViewport({ width: 800, height: 600 });
    await emulateMedia({ reducedMotion: 'no-preference' });
  });

  it('shows a floating button with an accessible name; the closed panel it controls comes with the chat', async () => {
    const el = await launcher(uniqueKey());
    const button = part<HTMLButtonElement>(el, 'launcher-button');
    expect(button.getAttribute('aria-label')).to.equal('Chat');
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    expect(getComputedStyle(button).position).to.equal('fixed');
    const rect = button.getBoundingClientRect();
    expect(innerWidth - rect.right).to.equal(20);
    expect(innerHeight - rect.bottom).to.equal(20);
    expect(el.state).to.equal('idle');
    // Nothing of the chat is built before it is wanted: no panel, nothing to point at.
    expect(part(el, 'panel')).to.equal(null);
    expect(button.hasAttribute('aria-controls')).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('loads nothing before intent; pointing at the button loads the script and the session together', async () => {
    const key = uniqueKey();
    // Every request the page makes, but the test's own reads of the server's log.
    const pageRequests = () => performance.getEntriesByType('resource').filter((entry) => !entry.name.includes('/session-log'));
    const before = pageRequests().length;
    const el = await mount(
      // The script is held until the session request has arrived: started together, the
      // chat gets ready; one after the other, the script never loads.
      html`<chatkit-embed
        mode="launcher"
        script-src=${`${FAKE_SRC}?key=${key}&waitFor=${key}`}
        session-url=${`/session/ok?key=${key}`}
      ></chatkit-embed>`,
    );
    await sleep(400);
    expect(await requestsFor(key)).to.deep.equal([]);
    expect(
      pageRequests()
        .slice(before)
        .map((entry) => entry.name),
      'requests before intent',
    ).to.deep.equal([]);
    expect(el.state).to.equal('idle');

    await sendMouse({ type: 'move', position: center(part(el, 'launcher-button')) });
    await waitForState(el, 'ready');
    const requests = await requestsFor(key);
    expect(requests.map((r) => r.path).sort()).to.deep.equal(['/fake/chatkit.js', '/session/ok']);
    expect(el.opened).to.equal(false); // intent loads; only a click opens
  });

  it('the panel comes with the chat, closed, and the button then controls it', async () => {
    const el = await launcher(uniqueKey());
    const button = part<HTMLButtonElement>(el, 'launcher-button');
    await sendMouse({ type: 'move', position: center(button) });
    const panel = await panelOf(el);
    expect(button.getAttribute('aria-controls')).to.equal(panel.id);
    expect(panel.matches(':popover-open')).to.equal(false);
    expect(el.opened).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('keyboard only: Tab to the button, Enter opens with focus in the chat, Esc closes back to the button', async () => {
    const events = recordEvents(document, 'chatkit-embed-open', 'chatkit-embed-close');
    const el = await launcher(uniqueKey());
    const button = part<HTMLButtonElement>(el, 'launcher-button');
    await sendKeys({ press: 'Tab' });
    expect(deepActive()).to.equal(button);
    await sendKeys({ press: 'Enter' });
    expect(el.opened).to.equal(true);
    expect(el.hasAttribute('open')).to.equal(true);
    const panel = await panelOf(el);
    expect(panel.matches(':popover-open')).to.equal(true);
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    await waitForState(el, 'ready');
    await waitUntil(() => inner(el).shadowRoot!.contains(deepActive()), 'focus never reached the composer');
    expect(panel.contains(inner(el))).to.equal(true);

    await sendKeys({ press: 'Escape' });
    expect(el.opened).to.equal(false);
    expect(panel.matches(':popover-open')).to.equal(false);
    await el.updateComplete;
    expect(deepActive()).to.equal(button);
    expect(events.map((e) => [e.type, e.bubbles, e.composed, e.cancelable])).to.deep.equal([
      ['chatkit-embed-open', true, true, true],
      ['chatkit-embed-close', true, true, true],
    ]);
  });

  it('open(), close() and toggle() fire cancelable events; a cancelled open stays closed', async () => {
    const el = await launcher(uniqueKey());
    el.addEventListener('chatkit-embed-open', (event) => event.preventDefault(), { once: true });
    expect(el.open()).to.equal(false);
    expect(el.opened).to.equal(false);
    expect(el.toggle()).to.equal(true);
    expect(el.opened).to.equal(true);
    el.addEventListener('chatkit-embed-close', (event) => event.preventDefault(), { once: true });
    expect(el.close()).to.equal(false);
    expect(el.opened).to.equal(true);
    expect(el.close()).to.equal(true);
    expect((await panelOf(el)).matches(':popover-open')).to.equal(false);
  });

  it('assigning open = true, as frameworks do for an open attribute, opens the panel and keeps open() callable', async () => {
    const el = await launcher(uniqueKey());
    (el as unknown as { open: boolean }).open = true;
    expect(el.opened).to.equal(true);
    await el.updateComplete;
    expect(el.hasAttribute('open')).to.equal(true);
    expect(typeof el.open).to.equal('function');
    (el as unknown as { open: boolean }).open = false;
    expect(el.opened).to.equal(false);
    expect(el.open()).to.equal(true);
    expect(el.opened).to.equal(true);
  });

  it('the open attribute opens the panel and loads the chat, without an event', async () => {
    const events = recordEvents(document, 'chatkit-embed-open');
    const el = await mount(
      html`<chatkit-embed mode="launcher" open script-src=${FAKE_SRC} session-url=${`/session/ok?key=${uniqueKey()}`}></chatkit-embed>`,
    );
    expect((await panelOf(el)).matches(':popover-open')).to.equal(true);
    await waitForState(el, 'ready');
    expect(events).to.have.length(0);
    el.removeAttribute('open');
    await el.updateComplete;
    expect(part(el, 'panel').matches(':popover-open')).to.equal(false);
  });

  it('axe finds no violations with the panel closed or open (loading and ready)', async () => {
    const el = await launcher(uniqueKey(), '&ms=0');
    await expect(el).to.be.accessible();
    el.open();
    await el.updateComplete;
    await expect(el).to.be.accessible();
    await waitForState(el, 'ready');
    await expect(el).to.be.accessible();
  });

  it('on a phone-sized viewport the panel fills the screen, shows a close control and the page does not scroll', async () => {
    await setViewport({ width: 375, height: 667 });
    const el = await launcher(uniqueKey());
    el.open();
    await Promise.all((await panelOf(el)).getAnimations().map((animation) => animation.finished));
    const panel = part(el, 'panel').getBoundingClientRect();
    expect([panel.x, panel.y, panel.width, panel.height]).to.deep.equal([0, 0, 375, 667]);
    const close = part<HTMLButtonElement>(el, 'close-button');
    expect(close.getBoundingClientRect().width).to.be.above(0);
    expect(getComputedStyle(document.documentElement).overflow).to.equal('hidden');
    // Modal: assistive technology is told so, and focus cannot leave the chat.
    expect(part(el, 'panel').getAttribute('aria-modal')).to.equal('true');
    const outside = document.createElement('button');
    outside.textContent = 'Page button';
    document.body.append(outside);
    outside.focus();
    expect(document.activeElement).not.to.equal(outside);
    outside.remove();
    // The close control is on top and works with a real click.
    await sendMouse({ type: 'click', position: center(close) });
    expect(el.opened).to.equal(false);
    await el.updateComplete;
    expect(getComputedStyle(document.documentElement).overflow).not.to.equal('hidden');
  });

  it('a phone held sideways also gets the full-screen panel', async () => {
    await setViewport({ width: 844, height: 390 });
    const el = await launcher(uniqueKey());
    el.open();
    expect((await panelOf(el)).classList.contains('full')).to.equal(true);
    expect(part(el, 'panel').getAttribute('aria-modal')).to.equal('true');
  });

  it('moved in the page with the full-screen panel open, the panel still covers the button', async () => {
    await setViewport({ width: 375, height: 667 });
    const el = await launcher(uniqueKey());
    el.open();
    await waitForState(el, 'ready');
    const parent = el.parentElement!;
    el.remove();
    parent.append(el);
    await waitForState(el, 'ready');
    await el.updateComplete;
    const [x, y] = center(part(el, 'launcher-button'));
    expect(part(el, 'panel').contains(el.shadowRoot!.elementFromPoint(x, y))).to.equal(true);
  });

  it('moved in the page while open, it carries on: open, loading again without intent, on its thread', async () => {
    const el = await launcher(uniqueKey());
    el.open();
    await waitForState(el, 'ready');
    await el.setThreadId('thr_moved');
    const parent = el.parentElement!;
    el.remove();
    parent.append(el);
    await waitForState(el, 'ready');
    expect(el.opened).to.equal(true);
    expect(inner(el).options!.initialThread).to.equal('thr_moved');
  });

  it('a method called before the element was even connected loads the chat without intent', async () => {
    const key = uniqueKey();
    const el = document.createElement('chatkit-embed');
    el.mode = 'launcher';
    el.scriptSrc = FAKE_SRC;
    el.sessionUrl = `/session/ok?key=${key}`;
    const sent = el.sendUserMessage({ text: 'early' });
    document.body.append(el);
    try {
      await sent;
      expect(inner(el).methodCalls.map((c) => c.method)).to.deep.equal(['sendUserMessage']);
    } finally {
      el.remove();
    }
  });

  it('switching a thread does not make later updates send ChatKit new options', async () => {
    const el = await launcher(uniqueKey());
    el.open();
    await waitForState(el, 'ready');
    await el.setThreadId('thr_b');
    const sent = inner(el).optionsLog.length;
    el.close();
    await el.updateComplete;
    el.open();
    await el.updateComplete;
    expect(inner(el).optionsLog.length).to.equal(sent);
  });

  it('a change of mode before the chat started re-applies the loading policy', async () => {
    const key = uniqueKey();
    const el = await mount(
      html`<chatkit-embed mode="launcher" script-src=${FAKE_SRC} session-url=${`/session/ok?key=${key}`}></chatkit-embed>`,
    );
    await sleep(200);
    expect(el.state).to.equal('idle');
    el.mode = 'inline'; // inline loads when near the viewport: this one is in it
    await waitForState(el, 'ready');
  });

  it('a transformed ancestor with overflow: hidden clips neither the button nor the panel', async () => {
    const wrapper = await mount(
      html`<div style="transform: translateX(10px); overflow: hidden; width: 40px; height: 40px">
        <chatkit-embed mode="launcher" script-src=${FAKE_SRC} session-url=${`/session/ok?key=${uniqueKey()}`}></chatkit-embed>
      </div>` as never,
    );
    const el = (wrapper as unknown as HTMLElement).querySelector('chatkit-embed')!;
    await el.updateComplete;
    const button = part(el, 'launcher-button');
    expect(innerWidth - button.getBoundingClientRect().right).to.equal(20);
    // What the reader would hit at the button's centre is the button.
    const [bx, by] = center(button);
    expect(el.shadowRoot!.elementFromPoint(bx, by)?.closest('[part~="launcher-button"]')).to.equal(button);
    el.open();
    const panel = await panelOf(el);
    const rect = panel.getBoundingClientRect();
    expect(rect.width).to.equal(400);
    const [px, py] = center(panel);
    expect(panel.contains(el.shadowRoot!.elementFromPoint(px, py))).to.equal(true);
  });

  it('stays readable in forced-colours mode: the button and panel keep an outline, the unread dot a system colour', async () => {
    await executeServerCommand('emulate-forced-colors', { active: true });
    try {
      expect(matchMedia('(forced-colors: active)').matches).to.equal(true);
      const el = await launcher(uniqueKey());
      el.open();
      await waitForState(el, 'ready');
      el.close();
      inner(el).emit('chatkit.response.end');
      await el.updateComplete;
      for (const name of ['launcher-button', 'panel']) {
        expect(getComputedStyle(part(el, name)).borderTopStyle, name).to.equal('solid');
      }
      expect(getComputedStyle(part(el, 'unread-indicator')).backgroundColor).to.equal(colourOf('Highlight'));
      await expect(el).to.be.accessible();
    } finally {
      await executeServerCommand('emulate-forced-colors', { active: false });
    }
  });

  it('respects reduced motion and mirrors on right-to-left pages', async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    const wrapper = (await mount(
      html`<div dir="rtl">
        <chatkit-embed mode="launcher" script-src=${FAKE_SRC} session-url=${`/session/ok?key=${uniqueKey()}`}></chatkit-embed>
      </div>` as never,
    )) as unknown as HTMLElement;
    const el = wrapper.querySelector('chatkit-embed')!;
    el.open();
    const panel = await panelOf(el);
    expect(panel.getAnimations()).to.have.length(0);
    const button = part(el, 'launcher-button');
    expect(button.getBoundingClientRect().left).to.equal(20);
    expect(panel.getBoundingClientRect().left).to.equal(20);
    await expect(el).to.be.accessible();
  });

  it('two launchers on one page keep their own state and sessions', async () => {
    const [a, b] = [uniqueKey('a'), uniqueKey('b')];
    const wrapper = (await mount(
      html`<div>
        <chatkit-embed mode="launcher" script-src=${FAKE_SRC} session-url=${`/session/ok?key=${a}`}></chatkit-embed>
        <chatkit-embed mode="launcher" position="start" script-src=${FAKE_SRC} session-url=${`/session/ok?key=${b}`}></chatkit-embed>
      </div>` as never,
    )) as unknown as HTMLElement;
    const [first, second] = [...wrapper.querySelectorAll('chatkit-embed')];
    first!.open();
    await waitForState(first!, 'ready');
    expect(second!.opened).to.equal(false);
    expect(second!.state).to.equal('idle');
    expect(await requestsFor(b)).to.have.length(0);
    second!.open();
    await waitForState(second!, 'ready');
    expect(await requestsFor(a)).to.have.length(1);
    expect(await requestsFor(b)).to.have.length(1);
    expect(inner(first!)).not.to.equal(inner(second!));
    // Mirrored corners: the second sits at the start side.
    expect(part(second!, 'launcher-button').getBoundingClientRect().left).to.equal(20);
  });

  it('shows an unread indicator when a response ends while closed, and clears it on open', async () => {
    const el = await launcher(uniqueKey());
    el.open();
    await waitForState(el, 'ready');
    const unread = part(el, 'unread-indicator');
    inner(el).emit('chatkit.response.end');
    await el.updateComplete;
    expect(unread.hidden, 'not while open').to.equal(true);
    el.close();
    inner(el).emit('chatkit.response.end');
    await el.updateComplete;
    expect(unread.hidden).to.equal(false);
    // The button's accessible name says it (its aria-label would hide the visual note).
    expect(part(el, 'launcher-button').getAttribute('aria-label')).to.equal('Chat, new reply');
    el.open();
    await el.updateComplete;
    expect(unread.hidden).to.equal(true);
  });

  it('with remember, the open state and the thread survive a reload', async () => {
    const key = uniqueKey();
    const frame = document.createElement('iframe');
    frame.style.cssText = 'width:800px;height:700px';
    const load = () => new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
    let loaded = load();
    frame.src = `/page?launcher=1&key=${key}`;
    document.body.append(frame);
    await loaded;
    const chat = () => frame.contentDocument!.querySelector('chatkit-embed') as ChatKitEmbed;
    await waitUntil(() => chat()?.shadowRoot?.querySelector('[part~="launcher-button"]'), 'no launcher');
    chat().open();
    await waitForState(chat(), 'ready');
    await chat().setThreadId('thr_remembered');

    loaded = load();
    frame.contentWindow!.location.reload();
    await loaded;
    await waitUntil(() => chat()?.state === 'ready', 'the reloaded chat never got ready');
    expect(chat().opened).to.equal(true);
    expect(inner(chat()).options!.initialThread).to.equal('thr_remembered');
    frame.remove();
  });
});
