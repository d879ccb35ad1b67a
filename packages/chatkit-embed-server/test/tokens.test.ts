import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { decodeJwt, decodeProtectedHeader, SignJWT } from 'jose';
import { afterAll, describe, expect, it } from 'vitest';
import { createTokenHandler, createTokenSigner, createTokenVerifier, route, TokenError } from '../src/index.js';
import { serve } from './openai-stand-in.js';

const servers: Array<{ close(): Promise<void> }> = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

async function tokenServer(signerOptions: Parameters<typeof createTokenSigner>[0] = {}) {
  const signer = await createTokenSigner({ issuer: 'https://sessions.example', ...signerOptions });
  const handler = route({
    '/api/chatkit/token': createTokenHandler({ signer, getUser: (r) => r.headers.get('x-user') }),
    '/.well-known/jwks.json': signer.jwksHandler(),
  });
  const server = await serve(handler);
  servers.push(server);
  const mint = async (user = 'alice') => {
    const response = await fetch(`${server.url}/api/chatkit/token`, { method: 'POST', headers: { 'x-user': user } });
    return (await response.json()) as { client_secret: string; expires_at: number };
  };
  return { signer, url: server.url, mint };
}

describe('self-hosted tokens', () => {
  it("mints an ES256 JWT bound to the user, in the element's { client_secret, expires_at } shape", async () => {
    const { mint } = await tokenServer();
    const { client_secret: token, expires_at } = await mint('alice');
    const header = decodeProtectedHeader(token);
    const claims = decodeJwt(token);
    expect(header).toMatchObject({ alg: 'ES256', typ: 'JWT' });
    expect(header.kid).toBeTruthy();
    expect(claims).toMatchObject({ sub: 'alice', aud: 'chatkit', iss: 'https://sessions.example', exp: expires_at });
    expect(expires_at - Math.floor(Date.now() / 1000)).toBeGreaterThan(590);
  });

  it('serves a JWKS a verifier in another process can use, and the verifier accepts the token', async () => {
    const { url, mint } = await tokenServer();
    const jwks = await (await fetch(`${url}/.well-known/jwks.json`)).json();
    expect(jwks.keys).toHaveLength(1);
    expect(jwks.keys[0]).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256', use: 'sig' });
    expect(jwks.keys[0].d).toBeUndefined();
    const verifier = createTokenVerifier({ jwksUrl: `${url}/.well-known/jwks.json`, issuer: 'https://sessions.example' });
    const { client_secret } = await mint('bob');
    const verified = await verifier.verifyRequest(
      new Request('http://backend/chatkit', { headers: { authorization: `Bearer ${client_secret}` } }),
    );
    expect(verified.user).toBe('bob');
  });

  it('refuses a missing, tampered, foreign or expired token with a typed error', async () => {
    const { signer, mint } = await tokenServer();
    const verifier = createTokenVerifier({ jwks: await signer.jwks() });
    const { client_secret } = await mint();
    const code = (p: Promise<unknown>) =>
      p.then(
        () => 'accepted',
        (e: TokenError) => e.code,
      );
    expect(await code(verifier.verifyRequest(new Request('http://b/')))).toBe('token_missing');
    expect(await code(verifier.verify(`${client_secret.slice(0, -4)}AAAA`))).toBe('token_invalid');
    const other = await createTokenSigner();
    expect(await code(verifier.verify((await other.sign('mallory')).token))).toBe('token_invalid');
    const shortLived = await createTokenSigner({ ttlSeconds: -60 });
    const expired = createTokenVerifier({ jwks: await shortLived.jwks() });
    expect(await code(expired.verify((await shortLived.sign('alice')).token))).toBe('token_expired');
  });

  it('checks the audience', async () => {
    const signer = await createTokenSigner({ audience: 'another-service' });
    const verifier = createTokenVerifier({ jwks: await signer.jwks() });
    await expect(verifier.verify((await signer.sign('alice')).token)).rejects.toMatchObject({ code: 'token_invalid' });
  });

  it('HS256 with a shared secret; short secrets are refused', async () => {
    const secret = 'a-shared-secret-of-at-least-32-bytes!!';
    const signer = await createTokenSigner({ secret });
    expect((await signer.jwks()).keys).toEqual([]);
    const { token } = await signer.sign('carol');
    expect(decodeProtectedHeader(token).alg).toBe('HS256');
    expect((await createTokenVerifier({ secret }).verify(token)).user).toBe('carol');
    await expect(createTokenSigner({ secret: 'short' })).rejects.toThrow(/32 bytes/);
    // A token signed with alg "none" or another algorithm is not accepted.
    const forged = await new SignJWT({ sub: 'eve', aud: 'chatkit' })
      .setProtectedHeader({ alg: 'HS512' })
      .sign(new TextEncoder().encode(secret));
    await expect(createTokenVerifier({ secret }).verify(forged)).rejects.toMatchObject({ code: 'token_invalid' });
  });

  it('loads a PKCS#8 PEM private key, so tokens survive restarts', async () => {
    const pem = execFileSync('openssl', ['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256'], { encoding: 'utf8' });
    const a = await createTokenSigner({ privateKey: pem });
    const b = await createTokenSigner({ privateKey: pem });
    const { token } = await a.sign('dave');
    expect((await createTokenVerifier({ jwks: await b.jwks() }).verify(token)).user).toBe('dave');
  });
});

// A backend in another language verifies tokens with its ordinary JWT library.
const python = (() => {
  try {
    execFileSync('python3', ['-c', 'import joserfc'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

describe('verification from Python', () => {
  // Reason when skipped: no python3 with joserfc on this machine (PyPI is out of reach here).
  it.skipIf(!python)('a Python JWT library accepts the token against the served JWKS, and refuses a forged one', async () => {
    const { url, mint } = await tokenServer();
    const { client_secret } = await mint('erin');
    // Asynchronous: the JWKS is served by this very process.
    const run = async (token: string) =>
      (
        await promisify(execFile)('python3', [
          'test/python/verify_token.py',
          `${url}/.well-known/jwks.json`,
          'https://sessions.example',
          token,
        ])
      ).stdout.trim();
    expect(await run(client_secret)).toBe('erin');
    const forged = (await (await createTokenSigner({ issuer: 'https://sessions.example' })).sign('mallory')).token;
    await expect(run(forged)).rejects.toThrow();
  });
});
