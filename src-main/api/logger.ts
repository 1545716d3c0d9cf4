import pino, { type Logger } from 'pino';
import { RotatingLogFile } from './rotating-log-file';

export type { Logger };

/** 5 MB a file, the live one and five older: what a support request needs, never a full disk. */
export const LOG_MAX_BYTES = 5 * 1024 * 1024;
export const LOG_FILES_KEPT = 5;

/**
 * A second line of defence only: callers never log inputs, bodies or records (the first). Any field
 * with one of these names is replaced wherever it sits (top level or one object down).
 */
const PERSONAL_FIELDS = [
  'input', 'body', 'password', 'currentPassword', 'newPassword', 'token', 'cookie', 'authorization',
  'nationalId', 'idNumber', 'phone', 'phonePrimary', 'phoneSecondary', 'mobile', 'firstName', 'fatherName',
  'grandfatherName', 'familyName', 'fullName', 'latinName', 'beneficiaryName', 'address', 'birthDate', 'notes',
];
export const REDACTED_PATHS = [...PERSONAL_FIELDS, ...PERSONAL_FIELDS.map((field) => `*.${field}`), 'headers.cookie', 'headers.authorization'];

/**
 * Structured JSON logs. Callers log ids, method names, codes and counts — never names, ID numbers,
 * phones or request bodies — so a log file can be sent to support without exposing a family.
 * With a `destination` the log goes to that file, rotated by size; without one, to stderr.
 */
export function createLogger(options: { level?: string; destination?: string; maxBytes?: number; keep?: number } = {}): Logger {
  const level = options.level ?? process.env.MAMEN_LOG_LEVEL ?? 'info';
  const destination = options.destination
    ? new RotatingLogFile({ path: options.destination, maxBytes: options.maxBytes ?? LOG_MAX_BYTES, keep: options.keep ?? LOG_FILES_KEPT })
    : pino.destination(2);
  return pino(
    {
      level,
      base: { app: 'mamen' },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    },
    destination,
  );
}
