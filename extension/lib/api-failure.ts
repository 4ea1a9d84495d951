/**
 * How a request to the server failed, in words a user can act on. Kept apart from the client
 * (`api-client.ts`, which re-exports all of it) so that pages can show a failure without loading
 * the client and its response schemas before their first paint.
 */

export type FailureKind =
  | 'not_configured'
  | 'invalid_url'
  | 'unreachable'
  | 'cors'
  | 'not_our_server'
  | 'version_mismatch'
  | 'unauthorized'
  | 'forbidden'
  | 'rejected'
  | 'rate_limited'
  | 'server_error';

export interface ApiFailure {
  kind: FailureKind;
  message: string;
  fix: string;
  /** Worth trying again later without the user changing anything. */
  retryable: boolean;
  status?: number;
  /** The server's stable error code, when it sent one. */
  code?: string;
  details?: unknown;
  retryAfterMs?: number;
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; failure: ApiFailure };

export const OPEN_OPTIONS = 'Open the extension’s Options';

export const notConfigured = (): ApiFailure => ({
  kind: 'not_configured',
  message: 'The extension is not connected to an Aligned Autonomy server yet.',
  fix: `${OPEN_OPTIONS}, enter the server URL and your team token, and click “Save and test connection”.`,
  retryable: false,
});
