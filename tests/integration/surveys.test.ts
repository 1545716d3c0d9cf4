import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpStore, userOf, type Caller, type TestStore } from './support/test-runtime';

let s: TestStore;
let desk: Caller;
let desk2: Caller;
let manager: Caller;

function count(table: string): number {
  return (s.runtime.store.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
}

beforeAll(async () => {
  s = await setUpStore();
  const { branches } = await s.admin.call('branches.list', {});
  desk = await userOf(s, 'reception', branches[0]!.id, 'desk1');
  desk2 = await userOf(s, 'reception', branches[0]!.id, 'desk2');
  manager = await userOf(s, 'manager', branches[0]!.id, 'manager1');
});
afterAll(async () => s.close());

describe('satisfaction surveys', () => {
  it('refuses an answer out of range in Arabic, naming the question, and writes nothing', async () => {
    for (const bad of [{ csat: 0 }, { csat: 6 }, { csat: 2.5 }, { csat: 4, nps: 11 }, { csat: 4, nps: -1 }]) {
      const result = await desk.raw('surveys.submit', { service: 'delivery', channel: 'kiosk', ...bad });
      expect(result.ok).toBe(false);
      if (!result.ok) {
        const [field, error] = Object.entries(result.error.fields ?? {})[0]!;
        expect(['csat', 'nps']).toContain(field);
        expect(error.message.ar).toMatch(/من [٠١] إلى (٥|١٠)/);
      }
    }
    expect(count('survey_responses')).toBe(0);
  });

  it('opens a supervisor follow-up for a score of 1–2 and none for a 3', async () => {
    const low = await desk.call('surveys.submit', { service: 'delivery', channel: 'kiosk', csat: 2, nps: 3, comment: 'انتظرت طويلاً' });
    expect(low.followUpId).not.toBeNull();
    const fine = await desk.call('surveys.submit', { service: 'phone_call', channel: 'phone', csat: 3, nps: 7 });
    expect(fine.followUpId).toBeNull();
    const { items } = await manager.call('surveys.followUps', {});
    expect(items.map((f) => [f.responseId, f.csat, f.comment])).toEqual([[low.id, 2, 'انتظرت طويلاً']]);
    expect((await desk.raw('surveys.followUps', {})).ok).toBe(false);
  });

  it('closes a follow-up once, with what was done', async () => {
    const [task] = (await manager.call('surveys.followUps', {})).items;
    const closed = await manager.call('surveys.closeFollowUp', { id: task!.id, resolution: 'اتصل المشرف واعتذر ورتّب موعداً أقرب' });
    expect(closed.status).toBe('closed');
    const again = await manager.raw('surveys.closeFollowUp', { id: task!.id, resolution: 'مرة ثانية' });
    expect(again.ok).toBe(false);
    expect((await manager.call('surveys.followUps', {})).items).toHaveLength(0);
  });

  it('aggregates per service and channel for managers, and shows staff only their own figures and the team average', async () => {
    for (const csat of [5, 4, 5]) await desk2.call('surveys.submit', { service: 'reception_visit', channel: 'kiosk', csat, nps: 10 });
    const results = await manager.call('surveys.results', {});
    expect(results.overall).toMatchObject({ responses: 5, csatAverage: 3.8, satisfiedPercent: 60 });
    expect(results.byService.find((g) => g.key === 'reception_visit')).toMatchObject({ responses: 3, csatAverage: 4.7, nps: 100 });
    expect(results.byChannel.map((g) => g.key).sort()).toEqual(['kiosk', 'phone']);
    expect(JSON.stringify(results)).not.toContain('desk1');

    const mine1 = await desk.call('surveys.mine', {});
    expect(mine1).toMatchObject({ mine: null, myResponses: 2, team: { responses: 5 } });
    const mine2 = await desk2.call('surveys.mine', {});
    expect(mine2.mine).toMatchObject({ responses: 3, csatAverage: 4.7 });
    expect((await desk.raw('surveys.results', {})).ok).toBe(false);
  });
});
