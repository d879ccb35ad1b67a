import { describe, expect, it } from 'vitest';
import { DIAGNOSTICS, diagnose, isLocalHostname, isPlaceholderDomainKey } from '../../src/diagnostics/diagnostics.js';
import { redact, removedOptions, sessionDiagnosis, withoutRemovedOptions } from '../../src/diagnostics/failure-diagnosis.js';
import { SessionError } from '../../src/secrets/secret-source.js';

describe('the diagnostics table', () => {
  it.each(Object.entries(DIAGNOSTICS))('%s has a level, a one-line message and a fix', (_code, entry) => {
    expect(['error', 'warning']).toContain(entry.level);
    expect(entry.message).not.toContain('\n');
    expect(entry.fix.length).toBeGreaterThan(10);
  });

  it('fills placeholders from params, and leaves unknown ones visible', () => {
    const d = diagnose('session-http-error', { url: '/s', status: 503 });
    expect(d).toMatchObject({ code: 'session-http-error', level: 'error', params: { url: '/s', status: '503' } });
    expect(d.message).toBe('The session endpoint /s answered HTTP 503.');
    expect(diagnose('session-http-error').message).toContain('{status}');
  });
});

describe('domain keys and hostnames', () => {
  it.each([
    ['domain_pk_localhost_dev', true],
    ['domain_pk_test', true],
    ['placeholder', true],
    ['domain_pk_68f1c2a9b0e34d7f9a1b2c3d4e5f6a7b', false],
  ])('%s is a placeholder: %s', (key, placeholder) => expect(isPlaceholderDomainKey(key)).toBe(placeholder));

  it.each([
    ['localhost', true],
    ['app.localhost', true],
    ['127.0.0.1', true],
    ['[::1]', true],
    ['www.example.com', false],
    ['192.168.1.10', false],
  ])('%s is local: %s', (host, local) => expect(isLocalHostname(host)).toBe(local));
});

describe('session failures', () => {
  const page = 'https://shop.example';
  it.each([
    [new SessionError('http', 'x', { status: 502 }), '/api/session', 'session-http-error'],
    [new SessionError('network', 'x'), '/api/session', 'session-network'],
    [new SessionError('network', 'x'), 'https://api.other.example/session', 'session-cors'],
    [new SessionError('timeout', 'x'), '/api/session', 'session-timeout'],
    [new SessionError('invalid-response', 'x', { problem: 'not-json' }), '/s', 'session-bad-json'],
    [new SessionError('invalid-response', 'x', { problem: 'no-secret' }), '/s', 'session-no-secret'],
    [new SessionError('invalid-response', 'x', { problem: 'bad-expiry' }), '/s', 'session-bad-expiry'],
    [new SessionError('api-key', 'x'), '/s', 'api-key-exposed'],
  ])('%s at %s is %s', (error, url, code) => {
    expect(sessionDiagnosis(error, url, page, 10_000)?.code).toBe(code);
  });
  it('an aborted request is not a finding', () => {
    expect(sessionDiagnosis(new SessionError('aborted', 'x'), '/s', page, 1)).toBeUndefined();
  });
});

describe('removed options', () => {
  it('finds clientToken at the top level and under api, and strips both', () => {
    const options = { clientToken: 'a', api: { getClientToken: () => 'b', url: '/c', domainKey: 'd' }, locale: 'fr' };
    expect(removedOptions(options).map((d) => d.params.option)).toEqual(['clientToken', 'api.getClientToken']);
    expect(withoutRemovedOptions(options)).toEqual({ api: { url: '/c', domainKey: 'd' }, locale: 'fr' });
    expect(options).toHaveProperty('clientToken'); // the page's object is left alone
  });
});

describe('redact', () => {
  it('masks secret-named fields and secret-shaped strings anywhere, and survives cycles', () => {
    const cyclic: Record<string, unknown> = { note: 'Bearer ek_1@123 and sk-proj-ABCDEFGHIJKL' };
    cyclic.self = cyclic;
    const out = JSON.stringify(
      redact({
        client_secret: 'ek_2@1',
        nested: [{ Authorization: 'x' }, 'eyJhbGciOiJI.eyJzdWIi.c2ln'],
        error: new Error('token ek_3@1 refused'),
        cyclic,
        fine: 'threads.list',
      }),
    );
    expect(out).not.toMatch(/ek_\d|sk-proj|eyJhbGci/);
    expect(out).toContain('threads.list');
    expect(out).toContain('[redacted]');
  });
});
