// Where the framework examples' chats connect: the self-hosted backend of `npm start` by
// default; a page may override it with query parameters (the browser tests do).
const params = new URLSearchParams(location.search);

export const backend: Record<string, string> = {
  'api-url': params.get('api-url') ?? '/chatkit',
  'domain-key': params.get('domain-key') ?? 'domain_pk_localhost_dev',
  'session-url': params.get('session-url') ?? '/api/chatkit/token',
  ...(params.get('script-src') && { 'script-src': params.get('script-src')! }),
};
