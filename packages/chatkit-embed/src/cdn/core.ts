// Entry of dist/cdn/chatkit-embed-core.js: the connector, loaded by the script-tag
// bundle when a chat first starts.
import * as core from '../connector/connector.js';
import { CORE_KEY } from './core-key.js';

(globalThis as Record<symbol, unknown>)[CORE_KEY] = core;
