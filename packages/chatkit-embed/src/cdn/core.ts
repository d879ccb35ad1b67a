// Entry of dist/cdn/chatkit-embed-core.js: the element's core (the connector and the
// chat view), loaded by the script-tag bundle when a chat first starts.
import * as core from '../element/core.js';
import { CORE_KEY } from './core-key.js';

(globalThis as Record<symbol, unknown>)[CORE_KEY] = core;
