import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { hosted, uniqueKey, waitForState } from './helpers.js';

describe('<chatkit-embed> visible states', () => {
  it('loading: a status with an accessible name, exposed as part="loading"', async () => {
    const el = await hosted(uniqueKey(), 'slow', '&ms=1500');
    await waitForState(el, 'loading');
    await el.updateComplete;
    expect(el.getAttribute('state')).to.equal('loading');
    const loading = el.shadowRoot!.querySelector('[part="loading"]')!;
    expect(loading.getAttribute('role')).to.equal('status');
    expect(loading.textContent).to.contain('Loading chat');
    expect(el.shadowRoot!.querySelector('[part="chat"]')!.getAttribute('aria-busy')).to.equal('true');
    await expect(el).to.be.accessible();
  });

  it('ready: the chat part holds ChatKit and nothing covers it', async () => {
    const el = await hosted(uniqueKey());
    await waitForState(el, 'ready');
    await el.updateComplete;
    expect(el.getAttribute('state')).to.equal('ready');
    expect(el.shadowRoot!.querySelector('[part="chat"] > openai-chatkit')).not.to.equal(null);
    const overlays = [...el.shadowRoot!.querySelectorAll<HTMLElement>('.overlay')];
    expect(overlays.every((o) => o.hidden && o.getBoundingClientRect().height === 0)).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('error: an alert with the message and a retry button reachable by keyboard', async () => {
    const key = uniqueKey();
    const el = await hosted(key, 'flaky', '&fail=1&code=401');
    await waitForState(el, 'error');
    await el.updateComplete;
    expect(el.getAttribute('state')).to.equal('error');
    const error = el.shadowRoot!.querySelector('[part="error"]')!;
    expect(error.getAttribute('role')).to.equal('alert');
    expect(error.querySelector('[part="error-message"]')!.textContent).to.contain('401');
    await expect(el).to.be.accessible();
    const button = el.shadowRoot!.querySelector<HTMLButtonElement>('[part="retry-button"]')!;
    button.focus();
    await sendKeys({ press: 'Enter' });
    await waitForState(el, 'ready');
  });
});
