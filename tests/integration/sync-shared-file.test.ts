import { uuidv7 } from 'uuidv7';
import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, beneficiaryInput } from './support/test-runtime';
import { DIALECTS, firstDesk, nextDesk, startHeadOffice, type Desk, type HeadOfficeHarness } from './support/sync-harness';

/**
 * A person's file (their record, their household, the history of both) at a branch they are shared
 * with: the visited branch receives the household the owning branch recorded, and what either branch
 * adds or edits later reaches the other. An edit the visited branch makes to the owner's rows is
 * accepted by head office — only from a branch that owns or shares the person.
 */

const DAUGHTER = { fullName: 'نورة أحمد الحربي', relation: 'daughter' as const, gender: 'female' as const, birthDate: '2012-05-01', idType: 'none' as const };

describe.each(DIALECTS)('a shared person’s file on %s', (dialect) => {
  let ho: HeadOfficeHarness;
  const desks: Desk[] = [];
  afterEach(async () => {
    for (const desk of desks.splice(0)) await desk.close();
    await ho.close();
  });

  /**
   * JZN registers a person with a daughter; the family moves and SBY registers them again (same ID),
   * so head office opens a review and shares JZN's record with SBY, where they are served meanwhile.
   */
  async function visited() {
    ho = await startHeadOffice(dialect);
    const owner = await firstDesk(ho, 'JZN');
    const visitor = await firstDesk(ho, 'SBY');
    desks.push(owner, visitor);
    const input = beneficiaryInput({ phonePrimary: '0551112223', address: 'حي الروضة' });
    const person = (await owner.admin.call('beneficiaries.register', { beneficiary: input, household: [DAUGHTER] })).id;
    const daughter = (await owner.admin.call('beneficiaries.get', { id: person })).household[0]!.id;
    await owner.sync();
    await visitor.admin.call('beneficiaries.register', { beneficiary: { ...input, phonePrimary: '0559998887', address: 'صبيا' } });
    await visitor.sync();
    await visitor.sync();
    await visitor.admin.call('queue.issue', { service: 'inquiry', beneficiaryId: person });
    await visitor.sync();
    return { owner, visitor, person, daughter, input };
  }

  it('gives the visited branch the household the owner recorded, and each branch what the other adds later', async () => {
    const { owner, visitor, person, daughter } = await visited();
    expect((await visitor.admin.call('beneficiaries.get', { id: person })).household.map((m) => m.id)).toEqual([daughter]);
    // Added later at the owner's desk: reaches the visited branch.
    const son = await owner.admin.call('household.add', { beneficiaryId: person, member: { ...DAUGHTER, fullName: 'سعد أحمد الحربي', relation: 'son', gender: 'male' } });
    await owner.sync();
    // Added at the visited branch: reaches the owner.
    const mother = await visitor.admin.call('household.add', { beneficiaryId: person, member: { ...DAUGHTER, fullName: 'فاطمة علي الحربي', relation: 'mother', birthDate: '1960-01-01' } });
    await visitor.sync();
    await owner.sync();
    for (const desk of [owner, visitor]) {
      const household = (await desk.admin.call('beneficiaries.get', { id: person })).household.map((m) => m.id).sort();
      expect(household).toEqual([daughter, son.id, mother.id].sort());
    }
    // Another desk of the visited branch, joining from empty, receives the whole file in order.
    const second = await nextDesk(ho, visitor.enrolment.branchId);
    desks.push(second);
    await second.sync();
    expect(await second.runtime.store.db.selectFrom('sync_rejections').select(['table_name', 'reason']).execute()).toEqual([]);
    await second.admin.call('auth.login', { username: 'admin-sby', password: ADMIN_PASSWORD });
    expect((await second.admin.call('beneficiaries.get', { id: person })).household.map((m) => m.id).sort()).toEqual([daughter, son.id, mother.id].sort());
  });

  it('accepts the visited branch’s edits of the owner’s record and household, with their history, at every desk', async () => {
    const { owner, visitor, person, daughter, input } = await visited();
    const record = await visitor.admin.call('beneficiaries.get', { id: person });
    await visitor.admin.call('beneficiaries.update', {
      id: person, expectedVersion: record.version, confirmedDistinctFrom: [], beneficiary: { ...input, phonePrimary: '0557770001', address: 'صبيا، حي الشاطئ' },
    });
    const member = record.household.find((m) => m.id === daughter)!;
    await visitor.admin.call('household.update', { id: daughter, expectedVersion: member.version, member: { ...DAUGHTER, notes: 'تدرس في صبيا' } });
    const counts = await visitor.sync();
    expect(counts.rejected).toBe(0);
    expect(await visitor.runtime.store.db.selectFrom('sync_rejections').select(['table_name', 'reason']).execute()).toEqual([]);
    await owner.sync();
    for (const desk of [owner, visitor]) {
      const row = await desk.runtime.store.db.selectFrom('beneficiaries').select(['phone_primary', 'address', 'branch_id']).where('id', '=', person).executeTakeFirstOrThrow();
      expect(row).toEqual({ phone_primary: '+966557770001', address: 'صبيا، حي الشاطئ', branch_id: owner.enrolment.branchId });
      const notes = await desk.runtime.store.db.selectFrom('household_members').select('notes').where('id', '=', daughter).executeTakeFirstOrThrow();
      expect(notes.notes).toBe('تدرس في صبيا');
      const history = await desk.runtime.store.db.selectFrom('field_history').select(['field', 'new_value']).where('row_id', '=', person).where('field', '=', 'address').execute();
      expect(history).toContainEqual({ field: 'address', new_value: 'صبيا، حي الشاطئ' });
    }
    // The visited branch's other desk sees the edit's history too.
    const second = await nextDesk(ho, visitor.enrolment.branchId);
    desks.push(second);
    await second.sync();
    const seen = await second.runtime.store.db.selectFrom('field_history').select('new_value').where('row_id', '=', daughter).where('field', '=', 'notes').execute();
    expect(seen).toEqual([{ new_value: 'تدرس في صبيا' }]);
  });

  it('refuses, change by change, edits of a person’s file from a branch that neither owns nor shares them', async () => {
    const { owner, person } = await visited();
    const stranger = await firstDesk(ho, 'ABH');
    desks.push(stranger);
    const own = await stranger.admin.call('beneficiaries.register', { beneficiary: beneficiaryInput({ firstName: 'زياد', familyName: 'القرني', phonePrimary: '0579998877' }) });
    const outbox = await stranger.runtime.store.db.selectFrom('change_log').selectAll().where('pushed_at', 'is', null).orderBy('seq').execute();
    const wire = outbox.map((e) => ({ id: e.id, table_name: e.table_name, row_id: e.row_id, op: e.op, fields: JSON.parse(e.fields) as Record<string, string | number | null>, hlc: e.hlc, branch_id: e.branch_id }));
    const hlc = wire.at(-1)!.hlc;
    const forged = { id: uuidv7(), table_name: 'beneficiaries', row_id: person, op: 'update' as const, fields: { phone_primary: '+966500000000' }, hlc, branch_id: owner.enrolment.branchId };
    const reply = await stranger.server.push(uuidv7(), [...wire, forged]);
    expect(reply.rejected).toEqual([{ id: forged.id, reason: 'branch_not_allowed' }]);
    expect(reply.accepted).toBe(wire.length);
    const atHeadOffice = await ho.store.db.selectFrom('beneficiaries').select('phone_primary').where('id', '=', person).executeTakeFirstOrThrow();
    expect(atHeadOffice.phone_primary).toBe('+966551112223');
    expect(await ho.store.db.selectFrom('beneficiaries').select('id').where('id', '=', own.id).executeTakeFirst()).toBeDefined();
    // A person is never created in another branch's name, shared or not.
    const created = { ...forged, id: uuidv7(), row_id: uuidv7(), op: 'insert' as const, fields: { ...wire[0]!.fields } };
    expect((await stranger.server.push(uuidv7(), [created])).rejected).toEqual([{ id: created.id, reason: 'branch_not_allowed' }]);
    // Other tables of another branch still refuse the whole batch.
    await expect(stranger.server.push(uuidv7(), [{ ...forged, id: uuidv7(), table_name: 'tickets' }])).rejects.toMatchObject({ code: 'branch_not_allowed', status: 403 });
  });
});
