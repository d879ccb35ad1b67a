/**
 * Self-hosted mode: short-lived JWTs that tell your ChatKit backend who the user is.
 * Signed with a shared secret (HS256) or, better, a private key (ES256 by default) whose
 * public half is served as a JWKS, so a backend in any language can verify tokens with
 * its ordinary JWT library. Signing and verifying use `jose`.
 */
import {
  SignJWT,
  createLocalJWKSet,
  createRemoteJWKSet,
  exportJWK,
  generateKeyPair,
  importJWK,
  importPKCS8,
  jwtVerify,
  errors as joseErrors,
  calculateJwkThumbprint,
  type JWK,
  type JWTPayload,
  type CryptoKey,
} from 'jose';
import type { SessionResponse } from '../shared/session-response.js';
import { createEndpoint, type EndpointOptions } from '../http/endpoint.js';
import { jsonResponse } from '../http/errors.js';

export type AsymmetricAlgorithm = 'ES256' | 'EdDSA' | 'RS256';

export interface TokenSignerOptions {
  /** A shared secret (at least 32 bytes) for HS256. Use a private key instead when the backend is not yours alone. */
  secret?: string | Uint8Array;
  /** A PKCS#8 PEM string or a private JWK. Without `secret` or `privateKey`, a new key pair is made (tokens die with the process). */
  privateKey?: string | JWK;
  /** @default 'ES256' */
  algorithm?: AsymmetricAlgorithm;
  /** `iss` claim. */
  issuer?: string;
  /** `aud` claim. @default 'chatkit' */
  audience?: string;
  /** Token lifetime. @default 600 */
  ttlSeconds?: number;
}

export interface TokenSigner {
  /** A token for `user`, with its expiry in Unix seconds. */
  sign(user: string, claims?: JWTPayload): Promise<{ token: string; expiresAt: number }>;
  /** The public keys (empty for HS256). */
  jwks(): Promise<{ keys: JWK[] }>;
  /** A Fetch API handler that serves `jwks()`. */
  jwksHandler(): (request: Request) => Promise<Response>;
}

export async function createTokenSigner(options: TokenSignerOptions = {}): Promise<TokenSigner> {
  const audience = options.audience ?? 'chatkit';
  const ttl = options.ttlSeconds ?? 600;
  let key: CryptoKey | Uint8Array;
  let alg: string;
  let publicJwk: JWK | undefined;
  if (options.secret !== undefined) {
    key = typeof options.secret === 'string' ? new TextEncoder().encode(options.secret) : options.secret;
    if (key.byteLength < 32) throw new Error('createTokenSigner: an HS256 secret needs at least 32 bytes.');
    alg = 'HS256';
  } else {
    alg = options.algorithm ?? 'ES256';
    if (options.privateKey === undefined) {
      const pair = await generateKeyPair(alg, { extractable: true });
      key = pair.privateKey;
      publicJwk = await exportJWK(pair.publicKey);
    } else {
      key =
        typeof options.privateKey === 'string'
          ? await importPKCS8(options.privateKey, alg, { extractable: true })
          : ((await importJWK(options.privateKey, alg)) as CryptoKey);
      const { d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...pub } = await exportJWK(key);
      publicJwk = pub;
    }
    publicJwk = { ...publicJwk, alg, use: 'sig', kid: await calculateJwkThumbprint(publicJwk) };
  }
  const kid = publicJwk?.kid;
  const jwks = { keys: publicJwk ? [publicJwk] : [] };

  return {
    async sign(user, claims = {}) {
      const now = Math.floor(Date.now() / 1000);
      const expiresAt = now + ttl;
      let jwt = new SignJWT(claims)
        .setProtectedHeader({ alg, typ: 'JWT', ...(kid && { kid }) })
        .setSubject(user)
        .setAudience(audience)
        .setIssuedAt(now)
        .setExpirationTime(expiresAt)
        .setJti(crypto.randomUUID());
      if (options.issuer) jwt = jwt.setIssuer(options.issuer);
      return { token: await jwt.sign(key), expiresAt };
    },
    async jwks() {
      return jwks;
    },
    jwksHandler() {
      return async () => jsonResponse(200, jwks, { 'cache-control': 'public, max-age=300' });
    },
  };
}

export interface TokenHandlerOptions extends EndpointOptions {
  signer: TokenSigner;
  /** Extra claims per token, e.g. roles of the signed-in user. */
  claims?: (user: string, request: Request) => JWTPayload | Promise<JWTPayload>;
}

/** A Fetch API handler: `POST` → `{ client_secret: <JWT>, expires_at }`, for `session-url` in self-hosted mode. */
export function createTokenHandler(options: TokenHandlerOptions): (request: Request) => Promise<Response> {
  return createEndpoint('token', options, async ({ user, request }): Promise<SessionResponse> => {
    const { token, expiresAt } = await options.signer.sign(user, await options.claims?.(user, request));
    return { client_secret: token, expires_at: expiresAt };
  });
}

export interface TokenVerifierOptions {
  /** The HS256 shared secret. */
  secret?: string | Uint8Array;
  /** A JWKS URL (e.g. your session server's `/.well-known/jwks.json`). */
  jwksUrl?: string | URL;
  /** A JWKS object, e.g. `await signer.jwks()` in the same process. */
  jwks?: { keys: JWK[] };
  issuer?: string;
  /** @default 'chatkit' */
  audience?: string;
  /** Clock skew tolerated, in seconds. @default 5 */
  clockToleranceSeconds?: number;
}

export type TokenErrorCode = 'token_missing' | 'token_expired' | 'token_invalid';

export class TokenError extends Error {
  override readonly name = 'TokenError';
  readonly code: TokenErrorCode;
  constructor(code: TokenErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}

export interface VerifiedToken {
  user: string;
  claims: JWTPayload;
}

export interface TokenVerifier {
  verify(token: string): Promise<VerifiedToken>;
  /** Reads `Authorization: Bearer <token>` and verifies it. */
  verifyRequest(request: Request): Promise<VerifiedToken>;
}

export function createTokenVerifier(options: TokenVerifierOptions): TokenVerifier {
  const secret = typeof options.secret === 'string' ? new TextEncoder().encode(options.secret) : options.secret;
  const keys = options.jwksUrl ? createRemoteJWKSet(new URL(options.jwksUrl)) : options.jwks ? createLocalJWKSet(options.jwks) : undefined;
  if (!secret && !keys) throw new Error('createTokenVerifier needs a secret, a jwksUrl or a jwks.');
  const verifyOptions = {
    audience: options.audience ?? 'chatkit',
    // A token without an expiry would be valid forever.
    requiredClaims: ['exp', 'sub'],
    clockTolerance: options.clockToleranceSeconds ?? 5,
    algorithms: secret ? ['HS256'] : ['ES256', 'EdDSA', 'Ed25519', 'RS256'],
    ...(options.issuer && { issuer: options.issuer }),
  };
  const verify = async (token: string): Promise<VerifiedToken> => {
    try {
      const { payload } = secret ? await jwtVerify(token, secret, verifyOptions) : await jwtVerify(token, keys!, verifyOptions);
      if (!payload.sub) throw new TokenError('token_invalid', 'The token names no user (sub).');
      return { user: payload.sub, claims: payload };
    } catch (error) {
      if (error instanceof TokenError) throw error;
      if (error instanceof joseErrors.JWTExpired) throw new TokenError('token_expired', 'The token has expired.');
      throw new TokenError('token_invalid', 'The token is not valid for this backend.');
    }
  };
  return {
    verify,
    async verifyRequest(request) {
      const match = /^Bearer\s+(\S+)$/i.exec(request.headers.get('authorization') ?? '');
      if (!match) throw new TokenError('token_missing', 'The request has no bearer token.');
      return verify(match[1]!);
    },
  };
}
