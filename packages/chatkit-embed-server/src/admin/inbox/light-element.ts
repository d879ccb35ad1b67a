import { LitElement } from 'lit';

/**
 * The page's parts render into the light DOM: one stylesheet (inbox.css, allowed by the
 * CSP's `style-src 'self'`) styles them all, with no inline styles to allow.
 */
export class LightElement extends LitElement {
  protected override createRenderRoot(): HTMLElement {
    return this;
  }
}
