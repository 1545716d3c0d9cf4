import type { z } from 'zod';
import type { LocalisedText } from '../contract/errors';
import { isMessageKey, localise, type MessageKey } from './error-messages';
import { fieldLabel } from './field-labels';

/**
 * A value that is absent rather than of the wrong kind. Zod reports the input only when asked
 * (`reportInput`); otherwise its own message says what it received.
 */
function isMissing(issue: z.core.$ZodIssue): boolean {
  if ('input' in issue) return issue.input === undefined || issue.input === null;
  return /received (undefined|null)$/.test(issue.message);
}

/**
 * A zod issue → the message key shown for it: the key the schema put in the issue, else one chosen
 * from the issue's kind. Shared by every place that turns validation into words (API errors, imports).
 */
export function messageKeyForIssue(issue: z.core.$ZodIssue): MessageKey {
  if (isMessageKey(issue.message)) return issue.message;
  switch (issue.code) {
    case 'too_small':
      return issue.minimum === 1 ? 'validation.required' : 'validation.tooShort';
    case 'too_big':
      return 'validation.tooLong';
    case 'unrecognized_keys':
      return 'validation.unexpectedFields';
    case 'invalid_value':
      return 'validation.invalidChoice';
    case 'invalid_format':
      return 'validation.invalidFormat';
    case 'invalid_type':
      return isMissing(issue) ? 'validation.required' : 'validation.invalidType';
    default:
      return 'validation.invalidType';
  }
}

/** One field's message, with the field's own label in each language. */
export function fieldMessage(path: string, key: MessageKey): LocalisedText {
  const label = fieldLabel(path);
  return { ar: localise(key, { field: label.ar }).ar, en: localise(key, { field: label.en }).en };
}
