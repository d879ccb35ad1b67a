/**
 * What a session endpoint answers, for hosted client secrets and self-hosted bearer
 * tokens alike. Shared by the element (which reads it) and the server (which writes it).
 */
export interface SessionResponse {
  client_secret: string;
  /** Unix time in seconds. */
  expires_at?: number;
}
