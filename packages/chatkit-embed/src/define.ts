/**
 * Registers `<chatkit-embed>`. Safe to import twice, and in Node (server rendering),
 * where there is no registry to define it in.
 */
import { ChatKitEmbed } from './element/chatkit-embed.js';

if (typeof customElements !== 'undefined' && !customElements.get('chatkit-embed')) {
  customElements.define('chatkit-embed', ChatKitEmbed);
}

declare global {
  interface HTMLElementTagNameMap {
    'chatkit-embed': ChatKitEmbed;
  }
}
