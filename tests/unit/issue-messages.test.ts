import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { fieldMessage, messageKeyForIssue } from '../../src-shared/i18n/issue-messages';

const issuesOf = (schema: z.ZodType, input: unknown) => schema.safeParse(input).error?.issues ?? [];
const Person = z.object({ name: z.string(), age: z.number() }).strict();

describe('messages for validation issues', () => {
  it('calls an absent value required, and a value of the wrong kind invalid', () => {
    const [name, age] = issuesOf(Person, { age: 'forty' });
    expect(messageKeyForIssue(name!)).toBe('validation.required');
    expect(messageKeyForIssue(age!)).toBe('validation.invalidType');
    expect(messageKeyForIssue(issuesOf(Person, { name: null, age: 4 })[0]!)).toBe('validation.required');
  });

  it('names unknown fields as such, on the input as a whole', () => {
    const [issue] = issuesOf(Person, { name: 'x', age: 1, constructor: 1 });
    expect(messageKeyForIssue(issue!)).toBe('validation.unexpectedFields');
    expect(fieldMessage('_', 'validation.unexpectedFields')).toEqual({ ar: 'في «بيانات الطلب» حقول غير معروفة.', en: '“Request data” contains fields that are not known.' });
  });

  it('says the input as a whole is invalid when it is not an object', () => {
    const [issue] = issuesOf(Person, 5);
    expect(messageKeyForIssue(issue!)).toBe('validation.invalidType');
    expect(fieldMessage('_', messageKeyForIssue(issue!)).ar).toBe('قيمة الحقل «بيانات الطلب» غير صالحة.');
  });
});
