/**
 * `chatkit-embed-server/tokens`: short-lived bearer tokens for a self-hosted ChatKit
 * backend: a signer, the endpoint the element fetches them from, and a verifier.
 */
export {
  createTokenSigner,
  createTokenHandler,
  createTokenVerifier,
  TokenError,
  type TokenSigner,
  type TokenSignerOptions,
  type TokenHandlerOptions,
  type TokenVerifier,
  type TokenVerifierOptions,
  type TokenErrorCode,
  type VerifiedToken,
} from './tokens.js';
export type { SessionResponse } from '../shared/session-response.js';
