// Entry of the script-tag bundle (dist/cdn/chatkit-embed.js): Lit inlined, registers the
// tag. The connector is a second script, dist/cdn/chatkit-embed-core.js, loaded on demand.
import '../define.js';
