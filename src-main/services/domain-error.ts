import type { ErrorCode } from '../../src-shared/contract/errors';
import type { MessageKey } from '../../src-shared/i18n/error-messages';

/**
 * A refusal the user can act on. The router turns it into the one API error shape.
 * `commitWork` keeps what the use case wrote before refusing (a failed sign-in is counted).
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly messageKey: MessageKey,
    readonly options: {
      values?: Record<string, string | number>;
      /** Field path → message key, for errors that belong to one input field. */
      fields?: Record<string, MessageKey>;
      details?: unknown;
      commitWork?: boolean;
    } = {},
  ) {
    super(messageKey);
    this.name = 'DomainError';
  }
}
