/**
 * The one error shape every method returns, over every transport. The renderer shows
 * `message[locale]` (or maps `messageKey`) and never sees a stack trace.
 */
export const ERROR_CODES = [
  'VALIDATION',
  'UNKNOWN_METHOD',
  'BAD_REQUEST',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'OUT_OF_SCOPE',
  'NOT_FOUND',
  'CONFLICT',
  'DUPLICATE_NATIONAL_ID',
  'DUPLICATE_REVIEW_REQUIRED',
  'INVALID_CREDENTIALS',
  'ACCOUNT_LOCKED',
  'SESSION_LOCKED',
  'ALREADY_INITIALISED',
  'NOT_INITIALISED',
  'STALE_VERSION',
  'IMPORT_REJECTED',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export type LocalisedText = { ar: string; en: string };

export type FieldError = { messageKey: string; message: LocalisedText };

export type ApiError = {
  code: ErrorCode;
  messageKey: string;
  message: LocalisedText;
  /** Field path (dot-joined, e.g. `beneficiary.nationalId`) → what is wrong with it. */
  fields?: Record<string, FieldError>;
  /** Structured extra data a screen may need (e.g. duplicate candidates); never personal data in logs. */
  details?: unknown;
};

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };
