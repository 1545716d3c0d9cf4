import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fingerprint } from './support/fuzz-harness';
import { setUpStore, type TestStore } from './support/test-runtime';

let s: TestStore;
beforeEach(async () => {
  s = await setUpStore();
});
afterEach(async () => {
  await s.close();
});

function nested(levels: number): unknown {
  let value: unknown = 'x';
  for (let i = 0; i < levels; i++) value = { a: value };
  return value;
}

describe('deeply nested inputs', () => {
  it('refuses a draft nested thousands of levels deep with a clear message, not an internal error', async () => {
    const interview = await s.admin.call('interviews.start', {});
    const before = fingerprint(s.runtime.store);
    const result = await s.admin.raw('interviews.saveDraft', { id: interview.id, step: 'reception', data: nested(5_000) });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { _: { messageKey: 'validation.tooDeep' } } } });
    if (!result.ok) expect(result.error.fields?._?.message.ar).toBe('«بيانات الطلب» متداخلة أكثر من المسموح؛ لم يُحفظ شيء.');
    expect(fingerprint(s.runtime.store)).toEqual(before);
  });

  it('still saves a draft of ordinary depth', async () => {
    const interview = await s.admin.call('interviews.start', {});
    const result = await s.admin.raw('interviews.saveDraft', { id: interview.id, step: 'reception', data: { questions: 'سؤال', nested: nested(10) } });
    expect(result.ok).toBe(true);
  });
});
