import { describe, expect, it } from 'vitest';
import { backendIdentity, resolveBackend } from '../../src/connector/backend.js';

const none = { hasSecretFunction: false };

describe('resolveBackend', () => {
  it('session-url alone is hosted mode', () => {
    expect(resolveBackend({ ...none, sessionUrl: '/api/chatkit/session' })).toEqual({
      backend: { mode: 'hosted', custom: false, sessionUrl: '/api/chatkit/session' },
    });
  });

  it('a getClientSecret function is hosted mode', () => {
    expect(resolveBackend({ hasSecretFunction: true })).toEqual({ backend: { mode: 'hosted', custom: true } });
  });

  it('api-url with domain-key is self-hosted mode, with session-url as the token endpoint', () => {
    expect(resolveBackend({ ...none, apiUrl: '/chatkit', domainKey: 'domain_pk_1', sessionUrl: '/token' })).toEqual({
      backend: { mode: 'self-hosted', url: '/chatkit', domainKey: 'domain_pk_1', tokenUrl: '/token' },
    });
  });

  it('takes the domain key from options.api when the attribute is absent', () => {
    expect(resolveBackend({ ...none, apiUrl: '/chatkit', optionsApi: { url: '/x', domainKey: 'domain_pk_2' } })).toEqual({
      backend: { mode: 'self-hosted', url: '/chatkit', domainKey: 'domain_pk_2' },
    });
  });

  it('refuses api-url without a domain key, naming domain-key', () => {
    const { backend, issue } = resolveBackend({ ...none, apiUrl: '/chatkit', domainKey: '  ' });
    expect(backend).toBeUndefined();
    expect(issue?.attribute).toBe('domain-key');
    expect(issue?.message).toContain('domain_pk_localhost_dev');
  });

  it('falls back to options.api as given', () => {
    const api = { url: '/chatkit', domainKey: 'k' };
    expect(resolveBackend({ ...none, optionsApi: api })).toEqual({ backend: { mode: 'options', api } });
  });

  it('refuses options.api with a url but no domain key', () => {
    const { issue } = resolveBackend({ ...none, optionsApi: { url: '/chatkit', domainKey: '' } });
    expect(issue?.attribute).toBe('options.api.domainKey');
  });

  it('says what to set when nothing names a backend', () => {
    const { issue } = resolveBackend(none);
    expect(issue?.attribute).toBe('session-url');
    expect(issue?.message).toMatch(/session-url.*api-url.*domain-key/);
  });
});

describe('backendIdentity', () => {
  it('is the same for options.api objects that differ only in function identity', () => {
    const a = resolveBackend({ ...none, optionsApi: { getClientSecret: async () => 'a' } }).backend;
    const b = resolveBackend({ ...none, optionsApi: { getClientSecret: async () => 'b' } }).backend;
    expect(backendIdentity(a)).toBe(backendIdentity(b));
  });

  it('differs when the URL, domain key, token endpoint or mode differ', () => {
    const ids = [
      { ...none, sessionUrl: '/s' },
      { ...none, sessionUrl: '/t' },
      { ...none, apiUrl: '/chatkit', domainKey: 'k1' },
      { ...none, apiUrl: '/chatkit', domainKey: 'k2' },
      { ...none, apiUrl: '/chatkit', domainKey: 'k1', sessionUrl: '/s' },
      { hasSecretFunction: true },
    ].map((input) => backendIdentity(resolveBackend(input).backend));
    expect(new Set(ids).size).toBe(ids.length);
  });
});
