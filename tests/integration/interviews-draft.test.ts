import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openRuntime } from '../../src-main/api/runtime';
import { Caller, TEST_STORE_KEY, beneficiaryInput, setUpStore, silentLogger, userOf } from './support/test-runtime';
import { distinctName } from './support/interview-fixtures';

const ROOT = join(import.meta.dirname, '..', '..');

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

  it('survive a process killed with SIGKILL right after the save', async () => {
    const s = await setUpStore();
    const storePath = join(s.dir, 'mamen.sqlite');
    const { branches } = await s.admin.call('branches.list', {});
    const desk = await userOf(s, 'reception', branches[0]!.id, 'desk2');
    const interview = await desk.call('interviews.start', {});
    await desk.call('interviews.recordInquiry', { id: interview.id, questions: 'سؤال', answers: 'جواب' });
    await s.runtime.close();

    const child = spawn(process.execPath, ['--import', 'tsx', 'tests/integration/support/draft-writer.ts', storePath, 'desk2', 'second-password-2', interview.id], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => {
        if (d.toString().includes('draft-saved')) resolve();
      });
      child.on('exit', (code) => reject(new Error(`draft writer exited early (${code}): ${stderr}`)));
    });
    const killed = new Promise((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    child.kill('SIGKILL');
    expect(await killed).toBe('SIGKILL');

    const again = await reopen(storePath, 'desk2', 'second-password-2');
    const resumed = await again.desk.call('interviews.get', { id: interview.id });
    expect(resumed.currentStep).toBe('data_verification');
    expect(resumed.draft).toMatchObject({ step: 'data_verification', data: { prisonName: 'سجن جازان العام', monthlyIncome: 900 } });
    expect(resumed.inquiryQuestions).toBe('سؤال');
    await again.runtime.close();
    rmSync(s.dir, { recursive: true, force: true });
  }, 60_000);

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
