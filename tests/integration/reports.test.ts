import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dashboard } from '../../src-shared/contract/reports';
import { hijriMonthOf } from '../../src-shared/domain/report-period';
import { buildDashboard, resolved } from '../../src-main/services/reports-figures';
import { setUpStoreAt, userOf, beneficiaryInput, type Caller, type TestClock, type TestStore } from './support/test-runtime';
import { REPORT, submittedRequest } from './support/committee-fixtures';
import { b64, signaturePng } from './support/interview-fixtures';
import { postgresCopy } from './support/report-fixtures';
import { registerSystemPrinter } from '../../src-main/services/forms-printing';

/** Sunday 1 March 2026, 10:00 in Riyadh: inside Ramadan 1447. */
const START = new Date('2026-03-01T07:00:00Z');
const month = hijriMonthOf(START);
const HIJRI = { kind: 'hijri_month' as const, year: month.year, month: month.month };

let s: TestStore & { clock: TestClock };
let hq: string;
let other: string;
let desk: Caller;
let manager: Caller;
let dashboard: Dashboard;
const users: Array<[Caller, string]> = [];

const minutes = (m: number) => new Date(START.getTime() + m * 60_000);
async function at(when: Date): Promise<void> {
  s.clock.set(when);
  for (const [caller, name] of users) await caller.call('auth.login', { username: name, password: 'second-password-2' });
}
async function signIn(role: 'reception' | 'researcher' | 'committee' | 'manager', branchId: string, name: string): Promise<Caller> {
  const caller = await userOf(s, role, branchId, name);
  users.push([caller, name]);
  return caller;
}
const sqliteCount = (sql: string) => (s.runtime.store.sqlite.prepare(sql).get() as { n: number }).n;

beforeAll(async () => {
  s = await setUpStoreAt(START);
  hq = (await s.admin.call('branches.list', {})).branches[0]!.id;
  other = (await s.admin.call('branches.create', { code: 'SB', nameAr: 'فرع صبيا', city: 'صبيا' })).id;
  desk = await signIn('reception', hq, 'desk1');
  const researcher = await signIn('researcher', hq, 'researcher1');
  const committee = await signIn('committee', hq, 'committee1');
  manager = await signIn('manager', hq, 'manager1');
  const deskId = (await s.admin.call('queue.saveDesk', { number: 1, name: 'شباك ١', services: ['new_request', 'follow_up', 'delivery', 'inquiry', 'complaint'] })).id;

  // Three tickets: two served (waits 5 and 15 minutes, services 10 and 20 minutes), one no-show.
  const t1 = await desk.call('queue.issue', { service: 'new_request' });
  const t2 = await desk.call('queue.issue', { service: 'inquiry' });
  const t3 = await desk.call('queue.issue', { service: 'inquiry' });
  await at(minutes(5));
  await desk.call('queue.callNext', { deskId });
  await desk.call('queue.startServing', { deskId, ticketId: t1.id });
  await at(minutes(15));
  await desk.call('queue.finish', { deskId, ticketId: t1.id });
  await desk.call('queue.callNext', { deskId });
  await desk.call('queue.startServing', { deskId, ticketId: t2.id });
  await at(minutes(35));
  await desk.call('queue.finish', { deskId, ticketId: t2.id });
  await desk.call('queue.callNext', { deskId });
  await desk.call('queue.noShow', { deskId, ticketId: t3.id });

  // Two requests through the interview (two new beneficiaries), one more beneficiary registered.
  const decided = await submittedRequest(desk);
  await submittedRequest(desk);
  await desk.call('beneficiaries.register', { beneficiary: beneficiaryInput({ firstName: 'سالم', phonePrimary: '0559990001' }), household: [], confirmedDistinctFrom: [] });
  await at(minutes(60 * 24 * 3));
  await researcher.call('committee.writeReport', { requestId: decided.requestId, report: REPORT });
  await committee.call('committee.decide', { requestId: decided.requestId, decision: { outcome: 'accepted', amount: 1500, schedule: 'monthly', installments: 3 } });
  // Corrected the same day: the superseded decision no longer counts, the correction does.
  const first = (await committee.call('committee.case', { requestId: decided.requestId })).decisions[0]!;
  await committee.call('committee.decide', { requestId: decided.requestId, supersedesId: first.id, decision: { outcome: 'accepted', amount: 1200, schedule: 'monthly', installments: 3 } });
  await desk.call('delivery.record', { requestId: decided.requestId, amount: 1000, items: [{ description: 'دفعة إيجار' }], place: 'مقر الجمعية', signerName: 'المستفيد', signaturePngBase64: b64(signaturePng(true)) });

  // Contacts: two on the website, one of them retracted; one complaint (which logs its own contact).
  const phone = { beneficiaryId: decided.beneficiaryId, direction: 'inbound' as const, contactKind: 'inquiry' as const, subject: 'استفسار', details: null, outcome: 'answered' as const, nextStep: null, followUpOn: null };
  await desk.call('contacts.record', { contact: { ...phone, channel: 'website' } });
  const wrong = await desk.call('contacts.record', { contact: { ...phone, channel: 'website' } });
  await desk.call('contacts.retract', { id: wrong.id, retractionReason: 'سُجّل مرتين' });
  // A letter logged by mistake, corrected to the branch representative: only the correction counts.
  const mistaken = await desk.call('contacts.record', { contact: { ...phone, channel: 'letters' } });
  await desk.call('contacts.correct', { id: mistaken.id, contact: { ...phone, channel: 'branch_representative' } });
  await desk.call('complaints.receive', { beneficiaryId: decided.beneficiaryId, kind: 'complaint', channel: 'social_media', subject: 'تأخر الرد', details: null });

  // Surveys: CSAT 5, 4, 2 (average 3.7); NPS 10, 9, 3 (two promoters, one detractor: 33).
  for (const [csat, nps] of [[5, 10], [4, 9], [2, 3]] as const) await desk.call('surveys.submit', { service: 'reception_visit', channel: 'kiosk', csat, nps });

  // Sixteen days on, the second request is two days past its 14-day clock.
  await at(minutes(60 * 24 * 16));
  dashboard = await manager.call('reports.dashboard', { period: HIJRI });
}, 120_000);
afterAll(async () => s.close());

describe('the monthly figures of a seeded Hijri month', () => {
  it('counts visitors, tickets and wait times per day', () => {
    expect(dashboard.period.label).toContain(String(month.year));
    expect(dashboard.tickets).toMatchObject({ total: 3, served: 2 });
    expect(dashboard.tickets.perDay).toEqual([{ day: '2026-03-01', tickets: 3, served: 2, visitors: 0 }]);
    const recorded = s.runtime.store.sqlite.prepare("SELECT wait_seconds AS w, service_seconds AS v FROM tickets WHERE state = 'done' ORDER BY wait_seconds").all() as Array<{ w: number; v: number }>;
    expect(dashboard.times).toMatchObject({ served: 2, waitMedian: recorded[0]!.w, waitP90: recorded[1]!.w });
    expect(dashboard.times.serviceP90).toBe(Math.max(...recorded.map((r) => r.v)));
  });

  it('counts beneficiaries, requests, decisions within the clock, deliveries and overdue requests', () => {
    expect(dashboard.headline.newBeneficiaries).toBe(3);
    expect(dashboard.requests.total).toBe(2);
    expect(dashboard.decisions).toMatchObject({ total: 1, withinClock: 1, withinClockPercent: 100, acceptedAmount: 1200 });
    expect(dashboard.deliveries).toEqual({ count: 1, amount: 1000 });
    expect(dashboard.overdue.count).toBe(1);
    expect(dashboard.overdue.items[0]).toMatchObject({ daysOverdue: 2, branch: 'المقر الرئيسي' });
    expect(JSON.stringify(dashboard.overdue)).not.toContain('الحربي');
  });

  it('counts contacts per channel of the eight, leaving out retracted and corrected entries, and satisfaction and complaints', () => {
    expect(dashboard.contacts.byChannel).toHaveLength(8);
    expect(dashboard.contacts.byChannel.find((c) => c.code === 'website')!.count).toBe(1);
    expect(dashboard.contacts.byChannel.find((c) => c.code === 'social_media')!.count).toBe(1);
    expect(dashboard.contacts.byChannel.find((c) => c.code === 'letters')!.count).toBe(0);
    expect(dashboard.contacts.byChannel.find((c) => c.code === 'branch_representative')!.count).toBe(1);
    expect(dashboard.contacts.total).toBe(sqliteCount('SELECT count(*) AS n FROM contacts c WHERE retracted = 0 AND NOT EXISTS (SELECT 1 FROM contacts f WHERE f.corrects_id = c.id)'));
    expect(dashboard.satisfaction.overall).toMatchObject({ responses: 3, csatAverage: 3.7, nps: 33 });
    expect(dashboard.complaints).toEqual({ opened: 1, closed: 0 });
  });

  it('compares with the month before and the same month last year when asked', async () => {
    expect(dashboard.comparison).toEqual({ previous: null, lastYear: null });
    const compared = await manager.call('reports.dashboard', { period: HIJRI, compare: true });
    expect(compared.comparison.previous).toMatchObject({ tickets: 0, requests: 0, label: expect.stringContaining(String(month.year)) as string });
    expect(compared.comparison.lastYear).toMatchObject({ tickets: 0, label: expect.stringContaining(String(month.year - 1)) as string });
    expect(compared.headline).toEqual(dashboard.headline);
  });

  it('narrows the ticket figures to one service', async () => {
    const inquiries = await manager.call('reports.dashboard', { period: HIJRI, service: 'inquiry' });
    expect(inquiries.tickets).toMatchObject({ total: 2, served: 1 });
  });

  it('exports the tables to XLSX and CSV with Arabic headers and the same figures', async () => {
    const file = await manager.call('reports.export', { period: HIJRI, table: 'all', format: 'xlsx' });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
    const summary = book.worksheets[0]!;
    const values = new Map<string, unknown>();
    summary.eachRow((row) => values.set(String(row.getCell(1).value), row.getCell(2).value));
    expect(values.get('التذاكر')).toBe(3);
    expect(values.get('مبالغ التسليمات (ريال)')).toBe(1000);
    expect(values.get('الطلبات المتأخرة')).toBe(1);
    expect(book.worksheets.map((w) => w.name)).toContain('التواصل حسب القناة');
    const csv = Buffer.from((await manager.call('reports.export', { period: HIJRI, table: 'tickets_per_day', format: 'csv' })).base64, 'base64');
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = csv.toString('utf8');
    expect(text).toContain('التاريخ الهجري,التاريخ الميلادي,التذاكر');
    expect(text).toContain(',3,2,0');
  });

  it('prints the same figures in the monthly PDF, with comparisons and the overdue appendix', async () => {
    const pdf = await manager.call('reports.monthlyPdf', { period: HIJRI });
    const path = join(s.dir, pdf.fileName);
    writeFileSync(path, Buffer.from(pdf.base64, 'base64'));
    // Kept for looking at the pages (pdftoppm), as the forms' reference PDFs are.
    mkdirSync('test-results', { recursive: true });
    writeFileSync(join('test-results', 'reports-monthly.pdf'), Buffer.from(pdf.base64, 'base64'));
    const text = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
    expect(pdf.pages).toBeGreaterThanOrEqual(4);
    for (const phrase of ['التقرير الشهري', 'الملخص التنفيذي', 'المقارنة', 'ملحق', dashboard.overdue.items[0]!.reference]) expect(text).toContain(phrase);
    expect(text).toMatch(/1000/);
    expect(text).toMatch(/1200/);
  });
});

describe('the dashboard in English and printing', () => {
  it('names every code, the period and the branch in English beside Arabic', () => {
    expect(dashboard.period.labelEn).toMatch(new RegExp(`^Ramadan ${month.year} AH$`));
    expect(dashboard.period.gregorianLabelEn).toMatch(/March 2026/);
    expect(dashboard.branch).toMatchObject({ name: 'المقر الرئيسي' });
    expect(dashboard.contacts.byChannel.find((c) => c.code === 'website')).toMatchObject({ label: expect.stringMatching(/[\u0600-\u06ff]/) as string, labelEn: 'The association’s website' });
    for (const row of [...dashboard.requests.byState, ...dashboard.decisions.byOutcome, ...dashboard.requests.byType]) {
      expect(row.labelEn).toMatch(/^[A-Z]/);
      expect(row.labelEn).not.toBe(row.code);
    }
    expect(dashboard.overdue.items[0]).toMatchObject({ stateEn: expect.stringMatching(/^[A-Z]/) as string, typeEn: expect.stringMatching(/^[A-Z]/) as string });
    for (const group of [...dashboard.satisfaction.byService, ...dashboard.satisfaction.byChannel]) expect(group.labelEn).toMatch(/^[A-Z]/);
  });

  it('sends the monthly report to the system print dialog where the desktop registered one, else hands it back', async () => {
    const printed: Array<{ bytes: Buffer; title: string }> = [];
    registerSystemPrinter(async (bytes, title) => void printed.push({ bytes, title }));
    try {
      const viaSystem = await manager.call('reports.printMonthly', { period: HIJRI });
      expect(viaSystem).toEqual({ via: 'system', file: null });
      await new Promise((resolve) => setImmediate(resolve));
      expect(printed).toHaveLength(1);
      expect(printed[0]!.bytes.subarray(0, 5).toString()).toBe('%PDF-');
      expect(printed[0]!.title).toContain('التقرير الشهري');
    } finally {
      registerSystemPrinter(null);
    }
    const viaBrowser = await manager.call('reports.printMonthly', { period: HIJRI });
    expect(viaBrowser.via).toBe('browser');
    expect(Buffer.from(viaBrowser.file!.base64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    const audited = sqliteCount("SELECT count(*) AS n FROM audit_log WHERE action = 'reports.printMonthly'");
    expect(audited).toBe(2);
  });
});

describe('bad input and scope', () => {
  it('refuses a future month in Arabic', async () => {
    const result = await manager.raw('reports.dashboard', { period: { kind: 'gregorian_month', year: 2027, month: 1 } });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.messageKey).toBe('error.reportFuturePeriod');
  });

  it('refuses an impossible period, naming the field', async () => {
    const result = await manager.raw('reports.dashboard', { period: { kind: 'hijri_month', year: 1447, month: 13 } });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('VALIDATION');
  });

  it('refuses another branch to a manager of scope own, and the dashboard to reception', async () => {
    const result = await manager.raw('reports.dashboard', { period: HIJRI, branchId: other });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message.ar).toContain('فرعك');
    expect((await desk.raw('reports.dashboard', { period: HIJRI })).ok).toBe(false);
  });

  it('shows an empty month as explicit no-activity sections in the PDF', async () => {
    const empty = await manager.call('reports.dashboard', { period: { kind: 'gregorian_month', year: 2025, month: 1 } });
    expect(empty.headline).toMatchObject({ tickets: 0, requests: 0, decisions: 0, contacts: 0 });
    const pdf = await manager.call('reports.monthlyPdf', { period: { kind: 'gregorian_month', year: 2025, month: 1 } });
    const path = join(s.dir, 'empty.pdf');
    writeFileSync(path, Buffer.from(pdf.base64, 'base64'));
    expect(execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' })).toContain('لا يوجد نشاط');
  });
});

describe.runIf(Boolean(process.env.DATABASE_URL))('the same queries on PostgreSQL', () => {
  it('give the very figures SQLite gives over the same rows', async () => {
    const copy = await postgresCopy(s.runtime.store.db);
    try {
      const scope = { period: resolved({ period: HIJRI, branchId: null, service: null }), branchId: hq, branchName: { ar: 'المقر الرئيسي', en: 'Head office' }, service: null, today: '2026-03-17', compare: true };
      const onSqlite = await buildDashboard(s.runtime.store.db, scope);
      const onPostgres = await buildDashboard(copy.store.db, scope);
      expect(onPostgres).toEqual(onSqlite);
      expect(onPostgres.tickets.total).toBe(3);
    } finally {
      await copy.close();
    }
  }, 60_000);
});
