/**
 * `chatkit-embed-server/standalone`: the whole server of `chatkit-embed-server serve` as
 * one Fetch API handler: tokens, an optional ChatKit backend and optional hosted sessions.
 */
export { createStandaloneServer, type StandaloneConfig, type StandaloneServer } from './standalone.js';
