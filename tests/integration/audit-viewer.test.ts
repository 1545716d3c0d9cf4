import { join } from 'node:path';
import Sqlite from 'better-sqlite3-multiple-ciphers';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openRuntime } from '../../src-main/api/runtime';
import { applyStoreKey } from '../../src-main/store/db';
import { ADMIN_PASSWORD, beneficiaryInput, Caller, setUpStore, silentLogger, TEST_STORE_KEY, userOf, type TestStore } from './support/test-runtime';

let s: TestStore;
let hq: string;
beforeEach(async () => {
  s = await setUpStore();
  hq = (await s.admin.call('auth.me', {})).user!.branchId;
});
afterEach(async () => {
  await s.close();
});

/** A receptionist at each of two branches, each registering and revealing one person; a manager at each. */
async function twoBranches() {
  const sabya = await s.admin.call('branches.create', { code: 'SBY', nameAr: 'مكتب صبيا' });
  const deskHq = await userOf(s, 'reception', hq, 'desk.hq');
  const deskSabya = await userOf(s, 'reception', sabya.id, 'desk.sby');
  const managerHq = await userOf(s, 'manager', hq, 'manager.hq');
  const managerSabya = await userOf(s, 'manager', sabya.id, 'manager.sby');
  const ahmad = await deskHq.call('beneficiaries.register', { beneficiary: beneficiaryInput() });
  const fatima = await deskSabya.call('beneficiaries.register', { beneficiary: beneficiaryInput({ firstName: 'فاطمة', familyName: 'المالكي', gender: 'female', phonePrimary: '0509876543', birthDate: '1990-02-02' }) });
  await deskHq.call('beneficiaries.reveal', { id: ahmad.id, field: 'nationalId' });
  await deskSabya.call('beneficiaries.get', { id: fatima.id });
  const deskHqId = (await deskHq.call('auth.me', {})).user!.id;
  return { sabya, deskHq, deskHqId, deskSabya, managerHq, managerSabya, ahmad, fatima };
}

describe('audit viewer: who did what, and who viewed whom', () => {
  it('lists the reveal with its user, subject and field, filtered by user, action and subject', async () => {
    const w = await twoBranches();
    const page = await s.admin.call('audit.list', { userId: w.deskHqId, action: 'beneficiaries.reveal', beneficiaryId: w.ahmad.id });
    expect(page.total).toBe(1);
    expect(page.items[0]).toMatchObject({
      action: 'beneficiaries.reveal',
      userName: 'desk.hq',
      branchName: 'المقر الرئيسي',
      entity: 'beneficiary',
      entityId: w.ahmad.id,
      subjectName: 'أحمد عبدالله محمد الحربي',
      detail: { field: 'nationalId' },
    });
    const views = await s.admin.call('audit.list', { action: 'beneficiaries.get', beneficiaryId: w.fatima.id });
    expect(views.items.map((i) => i.userName)).toEqual(['desk.sby']);
  });

  it('keeps a branch manager to their branch and lets the admin see every branch', async () => {
    const w = await twoBranches();
    const mine = await w.managerHq.call('audit.list', { action: 'beneficiaries.register' });
    expect(mine.items.map((i) => i.entityId)).toEqual([w.ahmad.id]);
    const theirs = await w.managerSabya.call('audit.list', { action: 'beneficiaries.register' });
    expect(theirs.items.map((i) => i.entityId)).toEqual([w.fatima.id]);
    expect(await w.managerHq.raw('audit.list', { branchId: w.sabya.id })).toMatchObject({ ok: false, error: { code: 'OUT_OF_SCOPE' } });
    const all = await s.admin.call('audit.list', { action: 'beneficiaries.register' });
    expect(all.items.map((i) => i.entityId).sort()).toEqual([w.ahmad.id, w.fatima.id].sort());
    const bySabya = await s.admin.call('audit.list', { action: 'beneficiaries.register', branchId: w.sabya.id });
    expect(bySabya.items.map((i) => i.entityId)).toEqual([w.fatima.id]);
    expect(await w.deskHq.raw('audit.list', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    // The admin (head office) opens Fatima's file: the entry is head office's, the person Sabya's.
    await s.admin.call('beneficiaries.get', { id: w.fatima.id });
    const seenFromHq = await w.managerHq.call('audit.list', { action: 'beneficiaries.get', beneficiaryId: w.fatima.id });
    expect(seenFromHq.items.map((i) => [i.userName, i.subjectName])).toEqual([['مدير النظام', null]]);
    expect((await s.admin.call('audit.list', { action: 'beneficiaries.get', beneficiaryId: w.fatima.id, branchId: hq })).items[0]!.subjectName).toBe('فاطمة عبدالله محمد المالكي');
    const filters = await w.managerSabya.call('audit.filters', {});
    expect(filters.branches.map((b) => b.name)).toEqual(['مكتب صبيا']);
    expect(filters.users.map((u) => u.displayName).sort()).toEqual(['desk.sby', 'manager.sby']);
  });

  it('filters by a date range in Riyadh days and pages newest first', async () => {
    await twoBranches();
    const today = new Date(Date.now() + 3 * 3_600_000).toISOString().slice(0, 10);
    const all = await s.admin.call('audit.list', { from: today, to: today, pageSize: 10 });
    expect(all.total).toBeGreaterThan(10);
    expect(all.items).toHaveLength(10);
    const seqs = all.items.map((i) => i.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
    // Reading page 1 was itself audited; page 2 of the same reading still follows on from page 1.
    const second = await s.admin.call('audit.list', { from: today, to: today, pageSize: 10, page: 2, upToSeq: all.upToSeq });
    expect(second.items[0]!.seq).toBe(seqs.at(-1)! - 1);
    expect(second.total).toBe(all.total);
    expect((await s.admin.call('audit.list', { from: '2020-01-01', to: '2020-01-31' })).total).toBe(0);
    expect(await s.admin.raw('audit.list', { from: '2026-02-01', to: '2026-01-01' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('audits every viewing, export and verification of the log itself, with the filters and without values', async () => {
    const w = await twoBranches();
    await w.managerHq.call('audit.list', { action: 'beneficiaries.reveal', page: 1 });
    await w.managerHq.call('audit.export', { format: 'csv', beneficiaryId: w.ahmad.id });
    await w.managerHq.call('audit.verify', {});
    const own = await s.admin.call('audit.list', { action: 'audit.list' });
    expect(own.items.find((i) => i.userName === 'manager.hq')).toMatchObject({ entity: 'audit_log', detail: { action: 'beneficiaries.reveal', page: 1 } });
    const exported = await s.admin.call('audit.list', { action: 'audit.export' });
    expect(exported.items[0]).toMatchObject({ userName: 'manager.hq', detail: { format: 'csv', beneficiaryId: w.ahmad.id } });
    expect((await s.admin.call('audit.list', { action: 'audit.verify' })).items[0]).toMatchObject({ userName: 'manager.hq', detail: { ok: true } });
  });
});

describe('audit export', () => {
  it('writes a CSV with a byte-order mark and the filtered rows, and an XLSX with the same rows', async () => {
    const w = await twoBranches();
    const csv = await s.admin.call('audit.export', { format: 'csv', action: 'beneficiaries.reveal' });
    const bytes = Buffer.from(csv.base64, 'base64');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).trim().split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain('المستخدم');
    expect(lines[1]).toContain('desk.hq');
    expect(lines[1]).toContain('إظهار حقل محجوب');
    expect(lines[1]).toContain(w.ahmad.id);
    expect(lines[1]).toContain('nationalId');
    expect(csv).toMatchObject({ fileName: expect.stringMatching(/^audit-log-.*\.csv$/), rows: 1, truncated: false });

    const xlsx = await s.admin.call('audit.export', { format: 'xlsx', action: 'beneficiaries.reveal' });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(xlsx.base64, 'base64') as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.views[0]?.rightToLeft).toBe(true);
    expect(sheet.getRow(3).getCell(3).value).toBe('desk.hq');
    expect(sheet.getRow(3).getCell(9).value).toBe(w.ahmad.id);
    expect(sheet.rowCount).toBe(3);
  });
});

describe('verify chain', () => {
  it('reports OK on an intact log and the first tampered row after the file is edited directly', async () => {
    await twoBranches();
    expect(await s.admin.call('audit.verify', {})).toMatchObject({ ok: true, brokenAtSeq: null, brokenAtId: null });

    const path = join(s.dir, 'mamen.sqlite');
    await s.runtime.close();
    const raw = new Sqlite(path);
    applyStoreKey(raw, TEST_STORE_KEY);
    const target = raw.prepare("SELECT seq, id FROM audit_log WHERE action = 'beneficiaries.reveal'").get() as { seq: number; id: string };
    raw.prepare("UPDATE audit_log SET detail = '{\"field\":\"phonePrimary\"}' WHERE seq = ?").run(target.seq);
    raw.prepare("UPDATE audit_log SET action = 'nothing.happened' WHERE seq = ?").run(target.seq + 2);
    raw.close();

    const reopened = await openRuntime({ storePath: path, storeKey: TEST_STORE_KEY, appVersion: 'test', logger: silentLogger() });
    s.runtime = reopened;
    const admin = new Caller(reopened);
    await admin.call('auth.login', { username: 'admin', password: ADMIN_PASSWORD });
    expect(await admin.call('audit.verify', {})).toMatchObject({ ok: false, brokenAtSeq: target.seq, brokenAtId: target.id });
  });
});
