import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { ChatKitEmbed } from '../../src/index.js';
import { english } from '../../src/i18n/core-english.js';
import { strings as arabic } from '../../src/i18n/locales/ar.js';
import { strings as french } from '../../src/i18n/locales/fr.js';
import { strings as german } from '../../src/i18n/locales/de.js';
import { FAKE_SRC, inner, mount, recordEvents, uniqueKey, waitForState } from './helpers.js';

const part = <T extends Element = HTMLElement>(el: ChatKitEmbed, name: string) => el.shadowRoot!.querySelector<T>(`[part~="${name}"]`)!;
const buttonName = (el: ChatKitEmbed) => part(el, 'launcher-button').getAttribute('aria-label');

/** Waits until the element's own words are in `language` (a translation loads on its own). */
async function speaks(el: ChatKitEmbed, language: string): Promise<void> {
  await waitUntil(
    () => el.shadowRoot?.querySelector<HTMLElement>('[part~="launcher-button"]')?.lang === language,
    `never spoke ${language}`,
    {
      timeout: 20_000,
    },
  );
}

function launcher(attributes: { locale?: string; strings?: string; scenario?: string } = {}): Promise<ChatKitEmbed> {
  const url = `/session/${attributes.scenario ?? 'ok'}?key=${uniqueKey()}`;
  return mount(
    html`<chatkit-embed
      mode="launcher"
      script-src=${FAKE_SRC}
      session-url=${url}
      locale=${ifDefined(attributes.locale)}
      strings=${ifDefined(attributes.strings)}
    ></chatkit-embed>`,
  );
}

describe('<chatkit-embed> in the reader’s language', () => {
  const root = document.documentElement;
  const page = { lang: root.lang, dir: root.dir };
  afterEach(() => {
    root.lang = page.lang;
    root.dir = page.dir;
  });

  it('locale="de": the launcher, the panel and ChatKit speak German', async () => {
    const el = await launcher({ locale: 'de' });
    await speaks(el, 'de');
    expect(buttonName(el)).to.equal(german.chat);
    el.open();
    await waitForState(el, 'ready');
    expect(part(el, 'close-button').getAttribute('aria-label')).to.equal(german.close);
    expect(part(el, 'close-button').lang).to.equal('de');
    expect(inner(el).options!.locale).to.equal('de');
    el.close();
    inner(el).emit('chatkit.response.end');
    await el.updateComplete;
    expect(buttonName(el)).to.equal(german.chatNewReply);
    expect(german.chatNewReply).not.to.equal(english.chatNewReply);
    await expect(el).to.be.accessible();
  });

  it('locale="de": the loading and error states are German, the site owner’s details English', async () => {
    const loading = await mount(
      html`<chatkit-embed locale="de" script-src=${FAKE_SRC} session-url=${`/session/slow?key=${uniqueKey()}&ms=3000`}></chatkit-embed>`,
    );
    await waitForState(loading, 'loading');
    await waitUntil(() => part(loading, 'loading').lang === 'de', 'the loading state never spoke German', { timeout: 20_000 });
    expect(part(loading, 'loading').textContent).to.contain(german.loading);

    const failed = await mount(
      html`<chatkit-embed locale="de" script-src=${FAKE_SRC} session-url=${`/session/status?key=${uniqueKey()}&code=500`}></chatkit-embed>`,
    );
    await waitForState(failed, 'error');
    await waitUntil(() => part(failed, 'error').lang === 'de', 'the error state never spoke German', { timeout: 20_000 });
    const error = part(failed, 'error');
    expect(error.querySelector('.title')!.textContent).to.equal(german.connectFailed);
    expect(part(failed, 'retry-button').textContent).to.equal(german.retry);
    const details = part<HTMLDetailsElement>(failed, 'error-details');
    expect(details.querySelector('summary')!.textContent).to.equal(german.details);
    expect(details.open, 'the site owner’s details start closed').to.equal(false);
    expect(details.lang).to.equal('en');
    expect(part(failed, 'error-message').textContent).to.contain('500');
    await expect(failed).to.be.accessible();
  });

  it('follows the page’s lang="fr" without a locale, and tells ChatKit the same', async () => {
    root.lang = 'fr';
    const el = await launcher();
    await speaks(el, 'fr');
    expect(buttonName(el)).to.equal(french.chat);
    expect(french.chat).not.to.equal(english.chat);
    el.open();
    await waitForState(el, 'ready');
    expect(inner(el).options!.locale).to.equal('fr');
    await expect(el).to.be.accessible();
  });

  it('keeps a regional tag ChatKit knows (fr-CA), and follows the page when its lang changes', async () => {
    root.lang = 'fr-CA';
    const el = await launcher();
    el.open();
    await waitForState(el, 'ready');
    await speaks(el, 'fr');
    await waitUntil(() => inner(el).options?.locale === 'fr-CA', 'ChatKit never got fr-CA');
    root.lang = 'de-AT';
    await speaks(el, 'de');
    expect(buttonName(el)).to.equal(german.chat);
    await waitUntil(() => inner(el).options?.locale === 'de', 'ChatKit never got de');
  });

  it('mirrors on <html dir="rtl" lang="ar">: launcher, panel, error state and ChatKit', async () => {
    root.dir = 'rtl';
    root.lang = 'ar';
    const el = await launcher();
    await speaks(el, 'ar');
    expect(buttonName(el)).to.equal(arabic.chat);
    const button = part(el, 'launcher-button');
    expect(button.getBoundingClientRect().left, 'the button sits at the start (left) corner').to.equal(20);
    // Keyboard: the button, then the panel it opens, as on a left-to-right page.
    button.focus();
    await sendKeys({ press: 'Enter' });
    await waitForState(el, 'ready');
    const panel = part(el, 'panel');
    expect(panel.getBoundingClientRect().left).to.equal(20);
    expect(panel.contains(el.shadowRoot!.activeElement) || el.shadowRoot!.activeElement === panel).to.equal(true);
    expect(inner(el).options!.locale).to.equal('ar');
    expect(part(el, 'close-button').getAttribute('aria-label')).to.equal(arabic.close);
    await expect(el).to.be.accessible();

    const failed = await mount(
      html`<chatkit-embed script-src=${FAKE_SRC} session-url=${`/session/status?key=${uniqueKey()}&code=500`}></chatkit-embed>`,
    );
    await waitForState(failed, 'error');
    await waitUntil(() => part(failed, 'error').lang === 'ar', 'the error state never spoke Arabic', { timeout: 20_000 });
    const title = part(failed, 'error').querySelector('.title')!;
    expect(title.textContent).to.equal(arabic.connectFailed);
    expect(getComputedStyle(title).direction).to.equal('rtl');
    expect(getComputedStyle(part(failed, 'error-message')).direction, 'the English details stay left to right').to.equal('ltr');
  });

  it('position="start" on a right-to-left page puts the button on the right', async () => {
    root.dir = 'rtl';
    root.lang = 'ar';
    const el = await mount(
      html`<chatkit-embed
        mode="launcher"
        position="start"
        script-src=${FAKE_SRC}
        session-url=${`/session/ok?key=${uniqueKey()}`}
      ></chatkit-embed>`,
    );
    const rect = part(el, 'launcher-button').getBoundingClientRect();
    expect(innerWidth - rect.right).to.equal(20);
  });

  it('strings overrides any text, in any language, from the attribute or the property', async () => {
    const el = await launcher({ locale: 'de', strings: '{"chat": "Frag uns", "close": "Zu"}' });
    await speaks(el, 'de');
    expect(buttonName(el)).to.equal('Frag uns');
    el.strings = { chatNewReply: 'Frag uns, neu' };
    await el.updateComplete;
    expect(buttonName(el), 'a new object replaces the old overrides').to.equal(german.chat);
    el.open();
    await waitForState(el, 'ready');
    expect(part(el, 'close-button').getAttribute('aria-label')).to.equal(german.close);
    el.close();
    inner(el).emit('chatkit.response.end');
    await el.updateComplete;
    expect(buttonName(el)).to.equal('Frag uns, neu');
  });

  it('a strings attribute that is not a JSON object, or names no text, is reported and ignored', async () => {
    const el = await launcher({ strings: '{"chat": "Help", "retyr": "Again"' });
    const errors = recordEvents(el, 'chatkit-embed-error');
    expect(buttonName(el)).to.equal(english.chat);
    el.open();
    await waitForState(el, 'ready');
    await waitUntil(() => errors.length > 0, 'no error event');
    expect(errors[0]!.detail).to.include({ code: 'config-invalid', attribute: 'strings', fatal: false });
    expect(errors[0]!.detail.message).to.contain('not a JSON object');

    const typo = await launcher({ strings: '{"chat": "Help", "retyr": "Again"}' });
    const typoErrors = recordEvents(typo, 'chatkit-embed-error');
    expect(buttonName(typo)).to.equal('Help');
    typo.open();
    await waitForState(typo, 'ready');
    await waitUntil(() => typoErrors.length > 0, 'no error event');
    expect(typoErrors[0]!.detail.message).to.contain('"retyr"');
  });

  it('finds the page’s lang from inside another component’s shadow root', async () => {
    root.lang = 'fr';
    const host = document.createElement('div');
    const shadow = host.attachShadow({ mode: 'open' });
    const el = document.createElement('chatkit-embed');
    el.mode = 'launcher';
    el.scriptSrc = FAKE_SRC;
    el.sessionUrl = `/session/ok?key=${uniqueKey()}`;
    shadow.append(el);
    document.body.append(host);
    try {
      await speaks(el, 'fr');
      expect(buttonName(el)).to.equal(french.chat);
    } finally {
      host.remove();
    }
  });

  it('two chats with their own locales keep their own words', async () => {
    const wrapper = (await mount(
      html`<div>
        <chatkit-embed mode="launcher" locale="de" script-src=${FAKE_SRC} session-url=${`/session/ok?key=${uniqueKey()}`}></chatkit-embed>
        <chatkit-embed
          mode="launcher"
          locale="ar"
          position="start"
          script-src=${FAKE_SRC}
          session-url=${`/session/ok?key=${uniqueKey()}`}
        ></chatkit-embed>
      </div>` as never,
    )) as unknown as HTMLElement;
    const [first, second] = [...wrapper.querySelectorAll('chatkit-embed')];
    await speaks(first!, 'de');
    await speaks(second!, 'ar');
    expect(buttonName(first!)).to.equal(german.chat);
    expect(buttonName(second!)).to.equal(arabic.chat);
    // The last one asked for wins: switching quickly leaves no stale translation behind.
    first!.locale = 'ar';
    first!.locale = 'fr';
    await speaks(first!, 'fr');
    expect(buttonName(first!)).to.equal(french.chat);
  });

  it('a locale set from script to something that is not text speaks English and throws nothing', async () => {
    const el = await launcher({ locale: 'de' });
    await speaks(el, 'de');
    (el as unknown as { locale: unknown }).locale = 42;
    await speaks(el, 'en');
    expect(buttonName(el)).to.equal(english.chat);
  });

  it('with debug, the error state opens its technical details', async () => {
    // debug logs the timeline to the console; the test prints nothing.
    const info = console.info;
    console.info = () => {};
    try {
      const el = await mount(
        html`<chatkit-embed debug script-src=${FAKE_SRC} session-url=${`/session/status?key=${uniqueKey()}&code=500`}></chatkit-embed>`,
      );
      await waitForState(el, 'error');
      await el.updateComplete;
      expect(part<HTMLDetailsElement>(el, 'error-details').open).to.equal(true);
    } finally {
      console.info = info;
    }
  });

  it('falls back to English for a language with no translation, and loads nothing for it', async () => {
    const before = performance.getEntriesByType('resource').length;
    const el = await launcher({ locale: 'he' });
    root.lang = 'x-klingon';
    const byPage = await launcher();
    el.open();
    await waitForState(el, 'ready');
    await el.updateComplete;
    expect(buttonName(el)).to.equal(english.chat);
    expect(part(el, 'close-button').getAttribute('aria-label')).to.equal(english.close);
    expect(part(el, 'launcher-button').lang).to.equal('en');
    expect(buttonName(byPage)).to.equal(english.chat);
    const fetched = performance
      .getEntriesByType('resource')
      .slice(before)
      .map((entry) => entry.name);
    expect(fetched.filter((url) => /i18n|locales/.test(url))).to.deep.equal([]);
    // ChatKit gets the explicit locale as given; with it, ChatKit falls back to English too.
    expect(inner(el).options!.locale).to.equal('he');
  });
});
