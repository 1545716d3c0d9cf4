import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpStoreAt, userOf, type Caller, type TestClock, type TestStore } from './support/test-runtime';

let s: TestStore & { clock: TestClock };
let first: Caller;
let second: Caller;
let manager: Caller;

async function answerAt(caller: Caller, name: string, iso: string, csat: number, nps: number, service: 'delivery' | 'phone_call' = 'delivery') {
  s.clock.set(new Date(iso));
  await caller.call('auth.login', { username: name, password: 'second-password-2' });
  await caller.call('surveys.submit', { service, channel: 'kiosk', csat, nps, comment: null });
}

beforeAll(async () => {
  s = await setUpStoreAt(new Date('2026-03-01T07:00:00Z'));
  const hq = (await s.admin.call('branches.list', {})).branches[0]!.id;
  first = await userOf(s, 'reception', hq, 'first1');
  second = await userOf(s, 'reception', hq, 'second1');
  manager = await userOf(s, 'manager', hq, 'manager1');
  await answerAt(first, 'first1', '2026-03-02T08:00:00Z', 5, 10);
  await answerAt(first, 'first1', '2026-03-03T08:00:00Z', 4, 9, 'phone_call');
  await answerAt(first, 'first1', '2026-03-10T08:00:00Z', 2, 3);
  await answerAt(second, 'second1', '2026-03-11T08:00:00Z', 3, 6);
  await answerAt(second, 'second1', '2026-04-01T08:00:00Z', 5, 10, 'phone_call');
  for (const [caller, name] of [[first, 'first1'], [manager, 'manager1']] as const) await caller.call('auth.login', { username: name, password: 'second-password-2' });
});
afterAll(async () => s.close());

describe('survey trends', () => {
  it('shows a member of staff their own line beside the team’s, weekly, and no colleague', async () => {
    const trends = await first.call('surveys.trends', { from: null, to: null, granularity: 'week', view: 'mine' });
    expect(trends.periods).toEqual(['2026-03-01', '2026-03-08', '2026-03-29']);
    expect(trends.lines.map((l) => l.key)).toEqual(['mine', 'team']);
    expect(trends.lines[0]!.points).toEqual([
      { period: '2026-03-01', responses: 2, csatAverage: 4.5, nps: 100 },
      { period: '2026-03-08', responses: 1, csatAverage: 2, nps: -100 },
    ]);
    expect(trends.lines[1]!.points.map((p) => p.responses)).toEqual([2, 2, 1]);
  });

  it('hides the own line of someone with too few answers to stay anonymous', async () => {
    const trends = await second.call('surveys.trends', { from: null, to: null, granularity: 'month', view: 'mine' });
    expect(trends.lines.map((l) => l.key)).toEqual(['team']);
  });

  it('refuses staff the groupings by service, branch or channel, and has none by member of staff', async () => {
    const refused = await first.raw('surveys.trends', { from: null, to: null, granularity: 'month', view: 'service' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await manager.raw('surveys.trends', { from: null, to: null, granularity: 'month', view: 'staff' as never })).ok).toBe(false);
  });

  it('gives supervisors monthly lines per service with CSAT average and NPS', async () => {
    const trends = await manager.call('surveys.trends', { from: null, to: null, granularity: 'month', view: 'service' });
    expect(trends.periods).toEqual(['2026-03', '2026-04']);
    expect(trends.lines).toEqual([
      { key: 'delivery', label: null, points: [{ period: '2026-03', responses: 3, csatAverage: 3.3, nps: -33 }] },
      { key: 'phone_call', label: null, points: [{ period: '2026-03', responses: 1, csatAverage: 4, nps: 100 }, { period: '2026-04', responses: 1, csatAverage: 5, nps: 100 }] },
    ]);
    const byBranch = await manager.call('surveys.trends', { from: '2026-04-01', to: '2026-04-30', granularity: 'month', view: 'branch' });
    expect(byBranch.lines.map((l) => [l.label, l.points.length])).toEqual([[expect.any(String), 1]]);
    const text = JSON.stringify(byBranch) + JSON.stringify(trends);
    for (const name of ['first1', 'second1']) expect(text).not.toContain(name);
  });
});
