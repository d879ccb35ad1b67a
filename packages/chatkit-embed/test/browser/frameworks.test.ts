import { expect, waitUntil } from '@open-wc/testing';
import type { ChatKitEmbed } from '../../src/index.js';
import type { FakeChatKit } from '../fixtures/fake-chatkit.js';
import { uniqueKey } from './helpers.js';

// The example apps, built with each framework's standard tooling (`npm run
// build:examples`), in an iframe; their chats are pointed at the test routes.
async function openExample(framework: 'react' | 'vue' | 'svelte' | 'angular') {
  const key = uniqueKey(framework);
  const query = new URLSearchParams({
    'script-src': '/fake/chatkit.js',
    'api-url': `/backend?key=${key}`,
    'session-url': `/session/ok?key=${key}-token`,
  });
  const frame = document.createElement('iframe');
  // Angular's application builder puts the browser build in dist/browser.
  const dist = framework === 'angular' ? 'dist/browser' : 'dist';
  frame.src = `/demo/frameworks/${framework}/${dist}/index.html?${query}`;
  frame.style.cssText = 'width:900px;height:800px';
  document.body.append(frame);
  await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  const doc = frame.contentDocument!;
  await waitUntil(() => doc.querySelector('chatkit-embed'), 'the app rendered no chatkit-embed', { timeout: 20_000 });
  const el = doc.querySelector('chatkit-embed') as ChatKitEmbed;
  await waitUntil(() => el.state === 'ready', `never ready (${el.state}: ${el.error?.message})`, { timeout: 20_000 });
  return { frame, doc, el, inner: () => el.shadowRoot!.querySelector('openai-chatkit') as FakeChatKit };
}

describe('framework examples', () => {
  afterEach(() => document.querySelectorAll('iframe').forEach((f) => f.remove()));

  for (const framework of ['react', 'vue', 'svelte', 'angular'] as const) {
    const name = { react: 'React', vue: 'Vue', svelte: 'Svelte', angular: 'Angular' }[framework];
    it(`${name}: renders the element, passes attributes and options, calls a method, hears both kinds of events`, async () => {
      const { doc, el, inner } = await openExample(framework);
      // Attributes and the options property reached ChatKit's options.
      const options = inner().options!;
      expect((options.api as { url: string }).url).to.match(/^\/backend\?key=/);
      expect(options.startScreen).to.deep.equal({ greeting: `Hello from ${name}` });
      expect(el.theme).to.equal('auto');
      // Our event and ChatKit's dotted one, through the framework's own listeners.
      await waitUntil(() => doc.querySelectorAll('#log li').length >= 2, 'events never reached the app');
      const log = [...doc.querySelectorAll('#log li')].map((li) => li.textContent);
      expect(log).to.include.members(['chatkit-embed-ready', 'chatkit.ready']);
      // A method call from the app.
      doc.querySelector<HTMLButtonElement>('button')!.click();
      await waitUntil(() => inner().methodCalls.length === 1, 'the method call never arrived');
      expect(inner().methodCalls[0]).to.deep.equal({ method: 'setComposerValue', args: [{ text: `Hi from ${name}` }] });
    });
  }
});
