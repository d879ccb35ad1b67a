import { expect, fixture, waitUntil } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { html } from 'lit';
import type { ChatKitOptions } from '@openai/chatkit';
import type { ChatKitEmbed } from '../../src/index.js';
import { FAKE_SRC, hosted, inner, mount, recordEvents, requestsFor, uniqueKey, waitForState } from './helpers.js';

describe('<chatkit-embed> hosted mode', () => {
  it('loads the script, fetches a session and shows a ready chat', async () => {
    const key = uniqueKey();
    const events = recordEvents(document, 'chatkit-embed-script-load', 'chatkit-embed-ready', 'chatkit.ready');
    const el = await hosted(key);
    // Every state the page could style, in order (the steps may be quicker than a poll).
    const states: string[] = [el.getAttribute('state')!];
    new MutationObserver(() => states.push(el.getAttribute('state')!)).observe(el, { attributeFilter: ['state'] });
    await waitForState(el, 'ready');
    await el.updateComplete;
    // Inline chats load when they come near the viewport (this one is in it).
    expect(states).to.deep.equal(['idle', 'loading', 'ready']);
    const chat = inner(el);
    expect(chat.secrets).to.have.length(1);
    expect(chat.secrets[0]).to.match(/^ek_1@/);
    expect((await requestsFor(key)).length).to.equal(1);
    expect(events.map((e) => e.type)).to.deep.equal(['chatkit-embed-script-load', 'chatkit.ready', 'chatkit-embed-ready']);
    expect(el.shadowRoot!.querySelector<HTMLElement>('[part="loading"]')!.hidden).to.equal(true);
  });

  it('creates a fresh openai-chatkit on every connect and never moves the old one', async () => {
    const el = await hosted(uniqueKey());
    await waitForState(el, 'ready');
    const first = inner(el);
    const parent = el.parentElement!;
    el.remove();
    expect(first.isConnected).to.equal(false);
    expect(el.state).to.equal('idle');
    parent.append(el);
    await waitForState(el, 'ready');
    const second = inner(el);
    expect(second).not.to.equal(first);
    expect(second.dataset.reattached).to.equal(undefined);
    expect(first.dataset.reattached).to.equal(undefined);
  });

  it('fills its box, has a default height, a custom property to change it, and never collapses', async () => {
    const el = await hosted(uniqueKey());
    await waitForState(el, 'ready');
    expect(el.getBoundingClientRect().height).to.equal(600);
    const chat = inner(el).getBoundingClientRect();
    expect(chat.height).to.equal(600);
    expect(chat.width).to.equal(el.getBoundingClientRect().width);
    el.style.setProperty('--chatkit-embed-height', '450px');
    expect(el.getBoundingClientRect().height).to.equal(450);
    el.style.height = '0px';
    expect(el.getBoundingClientRect().height).to.equal(320);
  });

  it('keeps the API key check: an sk- key in an attribute is refused and never sent', async () => {
    const key = uniqueKey();
    const errors = recordEvents(document, 'chatkit-embed-error');
    const apiKey = 'sk-proj-abcdefghijklmnopqrstuvwxyz123456';
    const el = await mount(html`<chatkit-embed script-src=${FAKE_SRC} api-url="/backend?key=${key}" domain-key=${apiKey}></chatkit-embed>`);
    await waitForState(el, 'error');
    expect(el.error!.code).to.equal('config-invalid');
    expect(el.error!.attribute).to.equal('domain-key');
    expect(el.error!.message).to.contain('stay on your server');
    expect(el.shadowRoot!.textContent).not.to.contain(apiKey);
    expect(JSON.stringify(errors.map((e) => ({ ...e.detail, error: String(e.detail.error) })))).not.to.contain(apiKey);
    expect(el.shadowRoot!.querySelector('openai-chatkit')).to.equal(null);
    expect(await requestsFor(key)).to.deep.equal([]);
  });

  it('refuses an sk- key in sessionHeaders given as a Headers object, and sends nothing', async () => {
    const key = uniqueKey();
    const apiKey = 'sk-proj-abcdefghijklmnopqrstuvwxyz123456';
    const headers = new Headers({ authorization: `Bearer ${apiKey}` });
    const el = await mount(
      html`<chatkit-embed script-src=${FAKE_SRC} session-url="/session/ok?key=${key}" .sessionHeaders=${headers}></chatkit-embed>`,
    );
    await waitForState(el, 'error');
    expect(el.error!.code).to.equal('config-invalid');
    expect(el.error!.attribute).to.equal('sessionHeaders["authorization"]');
    expect(el.error!.message).not.to.contain(apiKey);
    expect(el.shadowRoot!.textContent).not.to.contain(apiKey);
    expect(await requestsFor(key)).to.deep.equal([]);
  });

  it('refuses an sk- key set later in options, and tears the chat down', async () => {
    const el = await hosted(uniqueKey());
    await waitForState(el, 'ready');
    el.options = { composer: { placeholder: 'sk-abcdefghijklmnopqrstuvwxyz' } };
    await waitForState(el, 'error');
    expect(el.error!.attribute).to.equal('options.composer.placeholder');
    expect(el.shadowRoot!.querySelector('openai-chatkit')).to.equal(null);
  });
});

describe('<chatkit-embed> options', () => {
  it('sends the full option set built from attributes and the options property', async () => {
    const onClientTool = () => ({ ok: true });
    const el = await mount(
      html`<chatkit-embed
        script-src=${FAKE_SRC}
        session-url="/session/ok?key=${uniqueKey()}"
        theme="dark"
        accent-color="#0f62fe"
        radius="soft"
        density="compact"
        locale="fr"
        greeting="Bonjour"
        placeholder="Votre question"
        starter-prompts="Aide|Tarifs"
        header-title="Support"
        no-history
        thread-id="thr_1"
        disclaimer="L'IA peut se tromper."
        frame-title="Chat support"
        .options=${{ onClientTool, threadItemActions: { feedback: true } } satisfies Partial<ChatKitOptions>}
      ></chatkit-embed>`,
    );
    await waitForState(el, 'ready');
    const sent = inner(el).options!;
    expect(typeof (sent.api as { getClientSecret: unknown }).getClientSecret).to.equal('function');
    expect(sent.onClientTool).to.equal(onClientTool);
    const { api: _, onClientTool: __, ...rest } = sent;
    expect(rest).to.deep.equal({
      threadItemActions: { feedback: true },
      theme: { colorScheme: 'dark', radius: 'soft', density: 'compact', color: { accent: { primary: '#0f62fe', level: 1 } } },
      locale: 'fr',
      frameTitle: 'Chat support',
      initialThread: 'thr_1',
      startScreen: {
        greeting: 'Bonjour',
        prompts: [
          { label: 'Aide', prompt: 'Aide' },
          { label: 'Tarifs', prompt: 'Tarifs' },
        ],
      },
      composer: { placeholder: 'Votre question' },
      header: { title: { text: 'Support' } },
      history: { enabled: false },
      disclaimer: { text: "L'IA peut se tromper." },
    });
  });

  it('re-sends the whole object on a change, and only when something changed', async () => {
    const el = await hosted(uniqueKey());
    await waitForState(el, 'ready');
    const chat = inner(el);
    expect(chat.optionsLog).to.have.length(1);
    el.greeting = 'Hello';
    await el.updateComplete;
    expect(chat.optionsLog).to.have.length(2);
    expect(chat.optionsLog[1]!.startScreen).to.deep.equal({ greeting: 'Hello' });
    expect('getClientSecret' in chat.optionsLog[1]!.api).to.equal(true);
    el.greeting = 'Hello';
    el.options = {};
    await el.updateComplete;
    el.options = {}; // a new object with the same content
    el.requestUpdate();
    await el.updateComplete;
    expect(chat.optionsLog).to.have.length(2);
  });

  it('sends options the page changed in place, once it sets them again', async () => {
    const options: Partial<ChatKitOptions> = { startScreen: { greeting: 'A' } };
    const el = await mount(
      html`<chatkit-embed script-src=${FAKE_SRC} session-url="/session/ok?key=${uniqueKey()}" .options=${options}></chatkit-embed>`,
    );
    await waitForState(el, 'ready');
    options.startScreen!.greeting = 'B';
    el.options = { ...options };
    await el.updateComplete;
    expect(inner(el).optionsLog.map((o) => o.startScreen?.greeting)).to.deep.equal(['A', 'B']);
  });

  it('a new options.api.getClientSecret function updates the options without restarting the chat', async () => {
    const el = await mount(
      html`<chatkit-embed script-src=${FAKE_SRC} .options=${{ api: { getClientSecret: async () => 'ek_a' } }}></chatkit-embed>`,
    );
    await waitForState(el, 'ready');
    const chat = inner(el);
    el.options = { api: { getClientSecret: async () => 'ek_b' }, startScreen: { greeting: 'Hi' } };
    await el.updateComplete;
    expect(inner(el)).to.equal(chat);
    expect(chat.optionsLog).to.have.length(2);
  });

  it('theme="auto" follows prefers-color-scheme live', async () => {
    await emulateMedia({ colorScheme: 'light' });
    const el = await mount(
      html`<chatkit-embed script-src=${FAKE_SRC} session-url="/session/ok?key=${uniqueKey()}" theme="auto"></chatkit-embed>`,
    );
    await waitForState(el, 'ready');
    const chat = inner(el);
    expect(chat.options!.theme).to.deep.equal({ colorScheme: 'light' });
    await emulateMedia({ colorScheme: 'dark' });
    await waitUntil(() => (chat.options!.theme as { colorScheme: string }).colorScheme === 'dark', 'theme did not follow');
    expect(chat.options!.theme).to.deep.equal({ colorScheme: 'dark' });
    expect(chat.optionsLog).to.have.length(2);
    await emulateMedia({ colorScheme: 'light' });
  });

  it('names the attribute of an invalid value in an error event, and carries on without it', async () => {
    const errors = recordEvents(document, 'chatkit-embed-error');
    const el = await mount(
      html`<chatkit-embed
        script-src=${FAKE_SRC}
        session-url="/session/ok?key=${uniqueKey()}"
        radius="wobbly"
        density="compact"
      ></chatkit-embed>`,
    );
    await waitForState(el, 'ready');
    const mine = errors.filter((e) => e.target === el);
    expect(mine).to.have.length(1);
    expect(mine[0]!.detail).to.include({ code: 'config-invalid', attribute: 'radius', fatal: false });
    expect(mine[0]!.detail.message).to.contain('wobbly');
    expect(inner(el).options!.theme).to.deep.equal({ density: 'compact' });
  });

  it('says what to set when no backend is named, and recovers once one is', async () => {
    const el = await mount(html`<chatkit-embed script-src=${FAKE_SRC}></chatkit-embed>`);
    await waitForState(el, 'error');
    expect(el.error!.code).to.equal('config-invalid');
    expect(el.shadowRoot!.querySelector('[part="error-message"]')!.textContent).to.contain('session-url');
    expect(el.shadowRoot!.querySelector<HTMLElement>('[part="retry-button"]')!.hidden).to.equal(true);
    el.sessionUrl = `/session/ok?key=${uniqueKey()}`;
    await waitForState(el, 'ready');
  });

  it('uses a getClientSecret property instead of session-url', async () => {
    const asked: Array<string | null> = [];
    const el = await fixture<ChatKitEmbed>(
      html`<chatkit-embed
        script-src=${FAKE_SRC}
        .getClientSecret=${async (current: string | null) => {
          asked.push(current);
          return 'ek_custom';
        }}
      ></chatkit-embed>`,
    );
    await waitForState(el, 'ready');
    expect(asked).to.deep.equal([null]);
    expect(inner(el).secrets).to.deep.equal(['ek_custom']);
  });
});
