// Entry of the script-tag bundle (dist/cdn/chatkit-embed.js): Lit inlined, registers the tag.
import './define.js';
