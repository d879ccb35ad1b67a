/**
 * The element's core: what a started chat needs, loaded when the chat first starts (a
 * chunk of its own in an npm build, `chatkit-embed-core.js` beside the script-tag
 * bundle). The connector talks to ChatKit; the chat view draws the chat's box, its
 * loading and error states and the launcher's panel.
 */
export { Connector } from '../connector/connector.js';
export { ChatView } from './chat-view.js';
