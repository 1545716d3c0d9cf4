import pino, { type Logger } from 'pino';

export type { Logger };

/**
 * Structured JSON logs. Callers log ids, method names, codes and counts — never names, ID numbers,
 * phones or request bodies — so a log file can be sent to support without exposing a family.
 */
export function createLogger(options: { level?: string; destination?: string } = {}): Logger {
  const level = options.level ?? process.env.MAMEN_LOG_LEVEL ?? 'info';
  const destination = options.destination ? pino.destination({ dest: options.destination, mkdir: true, sync: false }) : pino.destination(2);
  return pino(
    {
      level,
      base: { app: 'mamen' },
      redact: { paths: ['input', 'password', '*.password', 'token', 'cookie', 'headers.cookie'], censor: '[redacted]' },
    },
    destination,
  );
}
