import { fixture, waitUntil } from '@open-wc/testing';
import { html, type TemplateResult } from 'lit';
import '../../src/index.js';
import type { ChatKitEmbed, ChatKitEmbedState } from '../../src/index.js';
import type { FakeChatKit } from '../fixtures/fake-chatkit.js';

export const FAKE_SRC = '/fake/chatkit.js';

let counter = 0;
/** A key no other test uses, so the session endpoint's log is this test's own. */
export function uniqueKey(prefix = 't'): string {
  return `${prefix}-${Date.now()}-${++counter}`;
}

export async function mount(template: TemplateResult): Promise<ChatKitEmbed> {
  return fixture<ChatKitEmbed>(template);
}

/** An inline hosted chat on the fake ChatKit, session endpoint scenario `scenario`. */
export function hosted(key: string, scenario = 'ok', query = ''): Promise<ChatKitEmbed> {
  return mount(html`<chatkit-embed script-src=${FAKE_SRC} session-url=${`/session/${scenario}?key=${key}${query}`}></chatkit-embed>`);
}

export async function waitForState(el: ChatKitEmbed, state: ChatKitEmbedState, timeout = 20_000): Promise<void> {
  await waitUntil(() => el.state === state, `state never became ${state} (is ${el.state})`, { timeout });
}

export function inner(el: ChatKitEmbed): FakeChatKit {
  const found = el.shadowRoot!.querySelector('openai-chatkit');
  if (!found) throw new Error('no openai-chatkit inside');
  return found as FakeChatKit;
}

export interface LoggedRequest {
  path: string;
  /** The server's clock when the request arrived, in ms. */
  at: number;
  headers: Record<string, string>;
  body: string;
}

export async function requestsFor(key: string): Promise<LoggedRequest[]> {
  const response = await fetch(`/session-log?key=${encodeURIComponent(key)}`);
  return response.json();
}

/** Collects the events of the given names fired on `target`. */
export function recordEvents(target: EventTarget, ...names: string[]): CustomEvent[] {
  const seen: CustomEvent[] = [];
  for (const name of names) target.addEventListener(name, (e) => seen.push(e as CustomEvent));
  return seen;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
