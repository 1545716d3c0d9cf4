import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dashboard } from '../../src-shared/contract/reports';
import { hijriMonthOf } from '../../src-shared/domain/report-period';
import { beneficiaryInput, tempDir } from './support/test-runtime';
import { DIALECTS, firstDesk, startHeadOffice, type Desk, type HeadOfficeHarness } from './support/sync-harness';

/**
 * The association's report at head office: two branches work and sync; the head office's dashboard
 * for one branch equals that branch's own dashboard, the association's is their sum, and the PDF and
 * workbook carry the same figures — on SQLite and on PostgreSQL.
 */
const month = hijriMonthOf(new Date());
const period = { kind: 'hijri_month' as const, year: month.year, month: month.month };
const query = (extra: Record<string, string> = {}) => new URLSearchParams({ kind: 'hijri_month', year: String(month.year), month: String(month.month), ...extra }).toString();

const contact = (beneficiaryId: string, channel: 'phone' | 'website') => ({
  beneficiaryId, channel, direction: 'inbound' as const, contactKind: 'inquiry' as const,
  subject: 'الاستفسار عن موعد الصرف', details: 'سؤال عن الموعد.', outcome: 'answered' as const, nextStep: null, followUpOn: null,
});

const PEOPLE = [['خالد', 'الزهراني', '0551110001'], ['سعيد', 'القحطاني', '0551110002'], ['ناصر', 'الشهري', '0551110003'], ['فهد', 'العتيبي', '0551110004'], ['ماجد', 'الدوسري', '0551110005']] as const;
let next = 0;

async function work(desk: Desk, people: number, channel: 'phone' | 'website'): Promise<void> {
  for (let i = 0; i < people; i += 1) {
    const [firstName, familyName, phone] = PEOPLE[next++]!;
    const { id } = await desk.admin.call('beneficiaries.register', { beneficiary: beneficiaryInput({ firstName, familyName, fatherName: 'سالم', grandfatherName: 'حسن', phonePrimary: phone, birthDate: `19${80 + next}-0${next}-1${next}` }) });
    await desk.admin.call('contacts.record', { contact: contact(id, channel) });
  }
}

describe.each(DIALECTS)('the association report at head office on %s', (dialect) => {
  let ho: HeadOfficeHarness;
  let a: Desk;
  let b: Desk;
  const temp = tempDir('mamen-ho-report-');
  const get = (path: string, token = ho.adminToken) => fetch(`${ho.url}${path}`, { headers: { authorization: `Bearer ${token}` } });

  beforeAll(async () => {
    next = 0;
    ho = await startHeadOffice(dialect);
    a = await firstDesk(ho, 'JZN');
    b = await firstDesk(ho, 'SBY');
    await work(a, 3, 'phone');
    await work(b, 2, 'website');
    await a.sync();
    await b.sync();
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await ho?.close();
    temp.remove();
  });

  it("gives a branch the very figures its own desk gives, and the association their sum", async () => {
    const atDesk = await a.admin.call('reports.dashboard', { period, branchId: a.enrolment.branchId });
    const response = await get(`/admin/reports/dashboard?${query({ branchId: a.enrolment.branchId })}`);
    expect(response.status).toBe(200);
    const atHeadOffice = (await response.json()) as Dashboard;
    expect(atHeadOffice.headline).toEqual(atDesk.headline);
    expect(atHeadOffice.contacts).toEqual(atDesk.contacts);
    expect(atHeadOffice.headline).toMatchObject({ newBeneficiaries: 3, contacts: 3 });

    const all = (await (await get(`/admin/reports/dashboard?${query()}`)).json()) as Dashboard;
    expect(all.branch).toMatchObject({ id: null, name: 'جميع الفروع', nameEn: 'All branches' });
    expect(all.headline).toMatchObject({ newBeneficiaries: 5, contacts: 5 });
    expect(all.contacts.byChannel.find((c) => c.code === 'phone')!.count).toBe(3);
    expect(all.contacts.byChannel.find((c) => c.code === 'website')!.count).toBe(2);
  });

  it('prints the association PDF and the workbook with those figures', async () => {
    const pdf = await get(`/admin/reports/monthly.pdf?${query()}`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const path = join(temp.dir, `association-${dialect}.pdf`);
    writeFileSync(path, Buffer.from(await pdf.arrayBuffer()));
    const text = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
    for (const phrase of ['التقرير الشهري', 'جميع الفروع', 'الملخص التنفيذي', 'جمعية مأمن']) expect(text).toContain(phrase);

    const xlsx = await get(`/admin/reports/export.xlsx?${query()}`);
    expect(xlsx.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await xlsx.arrayBuffer());
    const values = new Map<string, unknown>();
    book.worksheets[0]!.eachRow((row) => values.set(String(row.getCell(1).value), row.getCell(2).value));
    expect(values.get('المستفيدون الجدد')).toBe(5);
  });

  it('refuses without the admin token, a future month and an impossible one, in Arabic', async () => {
    expect((await get(`/admin/reports/dashboard?${query()}`, 'wrong')).status).toBe(401);
    const future = await get(`/admin/reports/dashboard?${new URLSearchParams({ kind: 'hijri_month', year: String(month.year + 1), month: '1' })}`);
    expect(future.status).toBe(400);
    expect(((await future.json()) as { message: string }).message).toContain('لم تبدأ بعد');
    const impossible = await get(`/admin/reports/dashboard?${new URLSearchParams({ kind: 'hijri_month', year: String(month.year), month: '13' })}`);
    expect(impossible.status).toBe(400);
    expect(((await impossible.json()) as { error: string }).error).toBe('invalid_period');
    const page = await fetch(`${ho.url}/admin/reports`);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(await page.text()).toContain('تقرير الجمعية الشهري');
  });
});
