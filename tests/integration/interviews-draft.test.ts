import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openRuntime } from '../../src-main/api/runtime';
import { Caller, TEST_STORE_KEY, beneficiaryInput, setUpStore, silentLogger, userOf } from './support/test-runtime';
import { distinctName } from './support/interview-fixtures';

async function reopen(storePath: string, username: string, password: string) {
  const runtime = await openRuntime({ storePath, storeKey: TEST_STORE_KEY, appVersion: 'test', logger: silentLogger() });
  const desk = new Caller(runtime);
  await desk.call('auth.login', { username, password });
  return { runtime, desk };
}

describe('autosaved interview drafts', () => {
  it('survive closing the app without finishing, and the desk resumes where it was', async () => {
    const s = await setUpStore();
    const storePath = join(s.dir, 'mamen.sqlite');
    const { branches } = await s.admin.call('branches.list', {});
    const desk = await userOf(s, 'reception', branches[0]!.id, 'desk1');
    const { id: beneficiaryId } = await desk.call('beneficiaries.register', { beneficiary: beneficiaryInput(distinctName()), household: [], confirmedDistinctFrom: [] });
    const interview = await desk.call('interviews.start', { beneficiaryId });
    await desk.call('interviews.saveDraft', { id: interview.id, step: 'reception', data: { questions: 'هل يشمل الدعم رسوم المدارس؟', answers: '' } });
    await s.runtime.close();

    const again = await reopen(storePath, 'desk1', 'second-password-2');
    const { items } = await again.desk.call('interviews.listOpen', {});
    expect(items.find((i) => i.id === interview.id)).toMatchObject({ mine: true, currentStep: 'reception' });
    const resumed = await again.desk.call('interviews.get', { id: interview.id });
    expect(resumed.draft).toMatchObject({ step: 'reception', data: { questions: 'هل يشمل الدعم رسوم المدارس؟' } });
    // Completing the step consumes its draft.
    const done = await again.desk.call('interviews.recordInquiry', { id: interview.id, questions: 'هل يشمل الدعم رسوم المدارس؟', answers: 'نعم ضمن احتياجات المدارس' });
    expect(done.draft).toBeNull();
    await again.runtime.close();
    rmSync(s.dir, { recursive: true, force: true });
  });

  // A process killed (SIGKILL) between autosaves: see crash-safety.test.ts, which checks the draft, its
  // step and the steps already completed after every kill.

  it('refuses a draft larger than the limit, keeping the previous one', async () => {
    const s = await setUpStore();
    const { branches } = await s.admin.call('branches.list', {});
    const desk = await userOf(s, 'reception', branches[0]!.id, 'desk3');
    const interview = await desk.call('interviews.start', {});
    await desk.call('interviews.saveDraft', { id: interview.id, step: 'reception', data: { questions: 'أ' } });
    const result = await desk.raw('interviews.saveDraft', { id: interview.id, step: 'reception', data: { questions: 'ب'.repeat(70_000) } });
    expect(result.ok).toBe(false);
    expect((await desk.call('interviews.get', { id: interview.id })).draft?.data).toEqual({ questions: 'أ' });
    await s.close();
  });
});
