/**
 * Decides which backend the chat talks to, from the attributes and properties that
 * name one. Pure, so the rules are tested on their own.
 */
import type { ChatKitOptions } from '@openai/chatkit';
import type { ConfigIssue } from '../element/attribute-parsers.js';

export type Backend =
  /** OpenAI-hosted ChatKit; secrets from `session-url` or a `getClientSecret` function. */
  | { mode: 'hosted'; sessionUrl?: string; custom: boolean }
  /** The site's own ChatKit server, with bearer tokens from `session-url` when set. */
  | { mode: 'self-hosted'; url: string; domainKey: string; tokenUrl?: string }
  /** `options.api` exactly as the page gave it. */
  | { mode: 'options'; api: ChatKitOptions['api'] };

export interface BackendInput {
  sessionUrl?: string | null;
  apiUrl?: string | null;
  domainKey?: string | null;
  hasSecretFunction: boolean;
  optionsApi?: ChatKitOptions['api'] | undefined;
}

export function resolveBackend(input: BackendInput): { backend?: Backend; issue?: ConfigIssue } {
  const sessionUrl = present(input.sessionUrl);
  const apiUrl = present(input.apiUrl);
  const optionsApi = input.optionsApi;
  const optionsDomainKey = optionsApi && 'domainKey' in optionsApi ? present(optionsApi.domainKey) : undefined;
  if (apiUrl) {
    const domainKey = present(input.domainKey) ?? optionsDomainKey;
    if (!domainKey) {
      return {
        issue: {
          attribute: 'domain-key',
          message:
            'api-url needs a domain-key. On localhost any placeholder works ' +
            '(domain_pk_localhost_dev); public sites need the key of a domain on your ' +
            "OpenAI organisation's allowlist.",
        },
      };
    }
    return { backend: { mode: 'self-hosted', url: apiUrl, domainKey, ...(sessionUrl && { tokenUrl: sessionUrl }) } };
  }
  if (input.hasSecretFunction || sessionUrl) {
    return {
      backend: { mode: 'hosted', custom: input.hasSecretFunction, ...(sessionUrl && { sessionUrl }) },
    };
  }
  if (optionsApi) {
    if ('url' in optionsApi && !optionsDomainKey) {
      return {
        issue: { attribute: 'options.api.domainKey', message: 'options.api has a url but no domainKey.' },
      };
    }
    return { backend: { mode: 'options', api: optionsApi } };
  }
  return {
    issue: {
      attribute: 'session-url',
      message: 'Nothing to connect to: set session-url (OpenAI-hosted ChatKit) or api-url and ' + 'domain-key (your own ChatKit server).',
    },
  };
}

function present(value: string | null | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

/**
 * What makes two backends the same chat: where it connects, not the identity of the
 * functions involved (a page that re-creates `options.api.getClientSecret` on every
 * change should get new options, not a restarted chat).
 */
export function backendIdentity(backend: Backend | undefined): string {
  if (!backend) return '';
  if (backend.mode !== 'options') return JSON.stringify(backend);
  const api = backend.api;
  return JSON.stringify('url' in api ? { mode: 'options', url: api.url, domainKey: api.domainKey } : { mode: 'options' });
}
