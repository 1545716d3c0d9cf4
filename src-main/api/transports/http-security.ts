import type { ErrorCode } from '../../../src-shared/contract/errors';

/**
 * The renderer needs nothing from outside: scripts and fonts are its own; antd writes inline
 * styles (CSS-in-JS), hence 'unsafe-inline' for styles only.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');

export const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
};

/** Only the loopback names of our own port: a DNS-rebinding page arrives with its own Host. */
export function allowedHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
}

export function allowedOrigins(port: number): Set<string> {
  return new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);
}

const STATUS: Record<ErrorCode, number> = {
  VALIDATION: 400,
  BAD_REQUEST: 400,
  UNKNOWN_METHOD: 404,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  FORBIDDEN: 403,
  OUT_OF_SCOPE: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  DUPLICATE_NATIONAL_ID: 409,
  DUPLICATE_REVIEW_REQUIRED: 409,
  ALREADY_INITIALISED: 409,
  NOT_INITIALISED: 409,
  STALE_VERSION: 409,
  ACCOUNT_LOCKED: 423,
  SESSION_LOCKED: 423,
  IMPORT_REJECTED: 422,
  INTERNAL: 500,
};

export function httpStatus(code: ErrorCode): number {
  return STATUS[code];
}
