// Where OpenAI serves ChatKit and the tag its script defines. A module of their own, so
// the entry can export them without pulling the script loader out of the lazy core.
export const CHATKIT_SCRIPT_URL = 'https://cdn.platform.openai.com/deployments/chatkit/chatkit.js';
export const CHATKIT_TAG = 'openai-chatkit';
