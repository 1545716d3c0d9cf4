import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runJobsOnce } from '../../src-main/api/background-jobs';
import { submittedRequest } from './support/committee-fixtures';
import { Caller, setUpStoreAt, silentLogger, type TestStore, type TestClock } from './support/test-runtime';

const START = new Date('2026-03-01T07:00:00Z');
let s: TestStore & { clock: TestClock };
let desk: Caller;

beforeAll(async () => {
  s = await setUpStoreAt(START);
  const { branches } = await s.admin.call('branches.list', {});
  await s.admin.call('users.create', { username: 'desk1', displayName: 'desk1', role: 'reception', branchId: branches[0]!.id, branchScope: 'own', password: 'first-password-1' });
  desk = new Caller(s.runtime);
  await desk.call('auth.login', { username: 'desk1', password: 'first-password-1' });
  await desk.call('auth.changePassword', { currentPassword: 'first-password-1', newPassword: 'second-password-2' });
});
afterAll(async () => s.close());

const count = (sql: string) => (s.runtime.store.sqlite.prepare(sql).get() as { n: number }).n;

describe('the install’s periodic jobs', () => {
  it('raises the day-10 warning with nobody opening the committee board, once, and audits each run', async () => {
    await submittedRequest(desk);
    await runJobsOnce(s.runtime.router, silentLogger());
    expect(count('SELECT count(*) AS n FROM committee_notifications')).toBe(0);

    s.clock.advanceDays(10);
    await runJobsOnce(s.runtime.router, silentLogger());
    await runJobsOnce(s.runtime.router, silentLogger());
    expect(count("SELECT count(*) AS n FROM committee_notifications WHERE moment = 'warning'")).toBe(1);
    expect(count("SELECT count(*) AS n FROM audit_log WHERE action = 'job.committee.clocks'")).toBe(3);
    expect(count("SELECT count(*) AS n FROM audit_log WHERE action = 'job.outreach.evaluate'")).toBe(3);
  });
});
