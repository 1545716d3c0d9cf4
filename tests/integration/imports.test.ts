import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportReport } from '../../src-shared/contract/system';
import { withCheckDigit } from '../../src-shared/domain/national-id';
import { setUpStore, userOf, type TestStore } from './support/test-runtime';

let store: TestStore;
beforeEach(async () => {
  store = await setUpStore();
});
afterEach(async () => {
  await store.close();
});

let serial = 0;
/** A valid citizen ID, distinct from every other one this file makes. */
function citizenId(): string {
  serial += 1;
  return withCheckDigit(`17${String(serial).padStart(7, '0')}`);
}
/** The same number with its check digit broken. */
function brokenId(): string {
  const id = citizenId();
  return id.slice(0, 9) + String((Number(id[9]) + 1) % 10);
}

function beneficiaryCount(): number {
  return (store.runtime.store.sqlite.prepare('SELECT COUNT(*) AS n FROM beneficiaries').get() as { n: number }).n;
}

function csv(lines: string[], options: { bom?: boolean; delimiter?: string } = {}): string {
  const text = lines.map((l) => (options.delimiter ? l.replaceAll(',', options.delimiter) : l)).join('\r\n');
  return Buffer.from((options.bom ? '\ufeff' : '') + text, 'utf8').toString('base64');
}

const ARABIC_HEADINGS = 'الاسم الأول,اسم الأب,اسم الجد,العائلة,رقم الهوية,الجوال,تاريخ الميلاد,الجنس,الجنسية,المدينة';

function request(contentBase64: string, extra: Record<string, unknown> = {}) {
  return { fileName: 'مستفيدون.csv', format: 'csv' as const, contentBase64, ...extra };
}

describe('imports', () => {
  it('imports a CSV with Arabic headings, guessing the mapping and indexing the rows for search', async () => {
    const file = csv(
      [
        ARABIC_HEADINGS,
        `فاطمة,علي,حسن,المالكي,${citizenId()},0551110001,1402/05/10,أنثى,سعودية,جازان`,
        `خالد,سعيد,ناصر,الشهري,${citizenId()},0551110002,1990-01-02,ذكر,,صبيا`,
        `مريم,يوسف,أحمد,اليامي,,,,F,يمنية,`,
      ],
      { bom: true, delimiter: ';' },
    );
    const preview = await store.admin.call('imports.preview', request(file));
    expect(preview.mapping).toMatchObject({ firstName: 'الاسم الأول', familyName: 'العائلة', nationalId: 'رقم الهوية', phonePrimary: 'الجوال' });
    expect(preview).toMatchObject({ totalRows: 3, accepted: 3, rejected: [], imported: 0 });
    expect(beneficiaryCount()).toBe(0);

    const report = await store.admin.call('imports.run', request(file));
    expect(report.imported).toBe(3);
    expect(beneficiaryCount()).toBe(3);

    const found = await store.admin.call('beneficiaries.search', { query: 'فاطمه المالكي' });
    expect(found.items).toHaveLength(1);
    const profile = await store.admin.call('beneficiaries.getForEdit', { id: found.items[0]!.id });
    expect(profile).toMatchObject({ gender: 'female', nationality: 'SA', idType: 'national_id', phonePrimary: '+966551110001', city: 'جازان' });
    expect(profile.birthDate).toMatch(/^1982-/);
    const resident = (await store.admin.call('beneficiaries.search', { query: 'مريم اليامي' })).items[0]!;
    expect(resident).toMatchObject({ idType: 'none', nationalId: null });

    const audit = store.runtime.store.sqlite.prepare("SELECT detail FROM audit_log WHERE action = 'imports.run'").get() as { detail: string };
    expect(JSON.parse(audit.detail)).toEqual({ fileName: 'مستفيدون.csv', format: 'csv', imported: 3, rejected: 0 });
  });

  it('refuses the whole file when one row has a wrong ID check digit, naming the row and field in Arabic', async () => {
    const file = csv([
      ARABIC_HEADINGS,
      `فاطمة,علي,حسن,المالكي,${citizenId()},0551110001,,أنثى,,`,
      `خالد,سعيد,ناصر,الشهري,${brokenId()},0551110002,,ذكر,,`,
    ]);
    const result = await store.admin.raw('imports.run', request(file));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('IMPORT_REJECTED');
    expect(result.error.message.ar).toContain('1');
    const report = result.error.details as ImportReport;
    expect(report.rejected).toEqual([
      {
        row: 3,
        reasons: [expect.objectContaining({ field: 'nationalId', messageKey: 'validation.nationalId.checksum', ar: expect.stringContaining('رقم الهوية') })],
      },
    ]);
    expect(beneficiaryCount()).toBe(0);
  });

  it('imports only the good rows when asked to skip the problem rows', async () => {
    const file = csv([
      ARABIC_HEADINGS,
      `فاطمة,علي,حسن,المالكي,${citizenId()},0551110001,,أنثى,,`,
      `خالد,سعيد,ناصر,الشهري,${brokenId()},0551110002,,ذكر,,`,
      `Khalid,Saeed,Nasser,Shehri,${citizenId()},0551110003,,ذكر,,`,
      `سارة,سعيد,ناصر,الشهري,${citizenId()},0551110004,,أنثى,,`,
    ]);
    const report = await store.admin.call('imports.run', request(file, { skipProblemRows: true }));
    expect(report.imported).toBe(2);
    expect(report.rejected.map((r) => r.row)).toEqual([3, 4]);
    expect(report.rejected[1]!.reasons.map((r) => r.field)).toContain('firstName');
    expect(report.rejected[1]!.reasons[0]!.ar).toContain('بالحروف العربية');
    expect(beneficiaryCount()).toBe(2);
  });

  it('reports rows repeating another row of the file and rows already in the store', async () => {
    const storedId = citizenId();
    await store.admin.call('beneficiaries.register', {
      beneficiary: {
        firstName: 'عمر', fatherName: 'صالح', grandfatherName: 'علي', familyName: 'القحطاني',
        idType: 'national_id', nationalId: storedId, nationality: 'SA', gender: 'male', phonePrimary: '0559990000',
      },
    });
    const file = csv([
      ARABIC_HEADINGS,
      `عمر,صالح,علي,القحطاني,${storedId},,,ذكر,,`,
      `نورة,ماجد,سالم,العتيبي,${citizenId()},0551112222,,أنثى,,`,
      `نوره,ماجد,سالم,العتيبي,,0551112222,,أنثى,,`,
      `هند,ماجد,سالم,العتيبي,,0551112222,,أنثى,,`,
    ]);
    const preview = await store.admin.call('imports.preview', request(file));
    expect(preview.duplicatesInStore).toEqual([expect.objectContaining({ row: 2, otherRow: null, score: 100, reasons: expect.arrayContaining(['same_national_id']) })]);
    expect(preview.duplicatesInStore[0]!.existingId).toMatch(/^[0-9a-f-]{36}$/);
    // Row 5 shares the phone and lineage but not the given name: a sister, not a duplicate.
    expect(preview.duplicatesInFile).toEqual([expect.objectContaining({ row: 4, otherRow: 3, existingId: null })]);
    expect(preview.accepted).toBe(2);

    const refused = await store.admin.raw('imports.run', request(file));
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.code).toBe('IMPORT_REJECTED');
    expect(beneficiaryCount()).toBe(1);

    const skipped = await store.admin.call('imports.run', request(file, { skipProblemRows: true }));
    expect(skipped.imported).toBe(2);
    expect(beneficiaryCount()).toBe(3);
  });

  it('reads an Excel workbook: numeric IDs and phones, date cells, and one full-name column', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('المستفيدون');
    sheet.addRow(['الاسم الكامل', 'رقم الهوية', 'الجوال', 'تاريخ الميلاد', 'الجنس', 'الجنسية']);
    const citizen = citizenId();
    sheet.addRow(['محمد بن عبد الله بن سعد آل حسين', Number(citizen), 551234567, new Date(Date.UTC(1980, 6, 15)), 'ذكر', 'السعودية']);
    sheet.addRow(['علي أحمد سالم', Number(citizenId()), 966551234568, '1400/01/01', 'ذكر', 'مصري']);
    const content = Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');

    const report = await store.admin.call('imports.run', { fileName: 'book.xlsx', format: 'xlsx', contentBase64: content, skipProblemRows: true });
    expect(report.mapping).toMatchObject({ fullName: 'الاسم الكامل' });
    expect(report.imported).toBe(1);
    // Three parts only: the grandfather is missing.
    expect(report.rejected).toEqual([{ row: 3, reasons: [expect.objectContaining({ field: 'grandfatherName', messageKey: 'validation.required' })] }]);
    const found = (await store.admin.call('beneficiaries.search', { query: citizen })).items[0]!;
    const profile = await store.admin.call('beneficiaries.getForEdit', { id: found.id });
    expect(profile).toMatchObject({
      firstName: 'محمد', fatherName: 'عبد الله', grandfatherName: 'سعد', familyName: 'آل حسين',
      nationalId: citizen, phonePrimary: '+966551234567', birthDate: '1980-07-15', nationality: 'SA',
    });
  });

  it('reads JSON Lines, one object per line', async () => {
    const lines = [
      { first_name: 'ليلى', father_name: 'حمد', grandfather_name: 'فهد', family_name: 'الدوسري', national_id: citizenId(), gender: 'female', phone: '0553334444' },
      { first_name: 'سلمان', father_name: 'حمد', grandfather_name: 'فهد', family_name: 'الدوسري', national_id: Number(citizenId()), gender: 'M' },
    ];
    const content = Buffer.from(lines.map((l) => JSON.stringify(l)).join('\n') + '\n').toString('base64');
    const report = await store.admin.call('imports.run', { fileName: 'rows.jsonl', format: 'jsonl', contentBase64: content });
    expect(report).toMatchObject({ totalRows: 2, imported: 2, rejected: [] });
    expect(beneficiaryCount()).toBe(2);
  });

  it('refuses an unreadable file with a clear message and writes nothing', async () => {
    const garbage = Buffer.from([0x00, 0xff, 0x13, 0x88, 0xc3, 0x28, 0x00, 0x01, 0xfe, 0x80]).toString('base64');
    const binary = await store.admin.raw('imports.run', request(garbage));
    expect(binary).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', messageKey: 'import.notUtf8' } });

    // «محمد» saved by an old Excel in Windows-1256.
    const windows1256 = Buffer.concat([Buffer.from('الاسم الأول\n', 'utf8'), Buffer.from([0xe3, 0xcd, 0xe3, 0xcf])]).toString('base64');
    const legacy = await store.admin.raw('imports.run', request(windows1256));
    expect(legacy).toMatchObject({ ok: false, error: { messageKey: 'import.notUtf8', message: { ar: expect.stringContaining('UTF-8') } } });

    const jsonl = Buffer.from('{"first_name":"ليلى"}\n{"first_name": "سلمان"\n').toString('base64');
    const broken = await store.admin.raw('imports.run', { fileName: 'rows.jsonl', format: 'jsonl', contentBase64: jsonl });
    expect(broken).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', messageKey: 'import.malformedJsonl', message: { ar: 'السطر 2 في ملف JSONL ليس كائن JSON صالحاً.' } } });

    const notXlsx = await store.admin.raw('imports.run', { fileName: 'book.xlsx', format: 'xlsx', contentBase64: garbage });
    expect(notXlsx).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', messageKey: 'import.malformedXlsx' } });

    const quote = await store.admin.raw('imports.run', request(csv([ARABIC_HEADINGS, '"فاطمة,علي'])));
    expect(quote).toMatchObject({ ok: false, error: { messageKey: 'import.malformedCsv' } });

    const unknownColumn = await store.admin.raw('imports.preview', request(csv([ARABIC_HEADINGS, 'فاطمة,علي,حسن,المالكي,,,,أنثى,,']), { mapping: { firstName: 'Name' } }));
    expect(unknownColumn).toMatchObject({ ok: false, error: { messageKey: 'import.unknownColumn' } });
    expect(beneficiaryCount()).toBe(0);
  });

  it('lets only administrators import', async () => {
    const branchId = (await store.admin.call('auth.me', {})).user!.branchId;
    const reception = await userOf(store, 'reception', branchId, 'desk1');
    const result = await reception.raw('imports.preview', request(csv([ARABIC_HEADINGS, `فاطمة,علي,حسن,المالكي,,,,أنثى,,`])));
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
