import { existsSync, readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { IMPORT_FORMATS, ImportReport } from '../../src-shared/contract/system';
import { fieldLabel } from '../../src-shared/i18n/field-labels';
import { CliError, reasonLabels, say, usageError } from './cli-output';
import { openCliSession, signInAsAdmin } from './cli-session';

type ImportFormat = (typeof IMPORT_FORMATS)[number];

export type ImportOptions = {
  storePath: string;
  keyFile: string | undefined;
  file: string | undefined;
  format: string | undefined;
  map: string[];
  user: string | undefined;
  skipProblemRows: boolean;
  dryRun: boolean;
};

/** The contract accepts 8 MiB of base64, which is 6 MiB of file. */
const MAX_FILE_BYTES = 6 * 1024 * 1024;
/** Rows listed one by one; the rest are counted (the full list is in the app's import screen). */
const LISTED_ROWS = 50;

function formatOf(file: string, explicit: string | undefined): ImportFormat {
  const wanted = explicit ?? ({ '.csv': 'csv', '.txt': 'csv', '.xlsx': 'xlsx', '.jsonl': 'jsonl', '.ndjson': 'jsonl' } as Record<string, string>)[extname(file).toLowerCase()];
  if (!wanted || !(IMPORT_FORMATS as readonly string[]).includes(wanted)) {
    throw usageError('حدّد صيغة الملف بالخيار --format (csv أو xlsx أو jsonl).', 'Give the file format with --format (csv, xlsx or jsonl).');
  }
  return wanted as ImportFormat;
}

/** `--map firstName="الاسم الأول"` → { firstName: 'الاسم الأول' }. */
function mappingOf(pairs: string[]): Record<string, string> {
  const mapping: Record<string, string> = {};
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    if (at <= 0) throw usageError(`ربط غير صحيح: «${pair}». الصيغة: --map field=Heading`, `Invalid mapping "${pair}". Use --map field=Heading`);
    mapping[pair.slice(0, at).trim()] = pair.slice(at + 1).trim();
  }
  return mapping;
}

function printRows<T>(items: readonly T[], line: (item: T) => { ar: string; en: string }): void {
  for (const item of items.slice(0, LISTED_ROWS)) {
    const text = line(item);
    say(`  ${text.ar}`, `  ${text.en}`);
  }
  if (items.length > LISTED_ROWS) say(`  … و${items.length - LISTED_ROWS} صفاً آخر.`, `  … and ${items.length - LISTED_ROWS} more rows.`);
}

function printReport(report: ImportReport): void {
  const duplicates = report.duplicatesInFile.length + report.duplicatesInStore.length;
  say(
    `الصفوف: ${report.totalRows}، المقبولة: ${report.accepted}، المرفوضة: ${report.rejected.length}، المكررة: ${duplicates}، المستوردة: ${report.imported}`,
    `Rows: ${report.totalRows}, accepted: ${report.accepted}, rejected: ${report.rejected.length}, duplicates: ${duplicates}, imported: ${report.imported}`,
  );
  const mapping = Object.entries(report.mapping);
  say(
    `ربط الأعمدة: ${mapping.map(([field, heading]) => `${fieldLabel(field).ar} ← «${heading}»`).join('، ')}`,
    `Column mapping: ${mapping.map(([field, heading]) => `${field} ← "${heading}"`).join(', ')}`,
  );
  if (report.rejected.length > 0) {
    say('الصفوف المرفوضة:', 'Rejected rows:');
    printRows(report.rejected, (r) => ({
      ar: `الصف ${r.row}: ${r.reasons.map((x) => x.ar).join(' ')}`,
      en: `Row ${r.row}: ${r.reasons.map((x) => x.en).join(' ')}`,
    }));
  }
  if (report.duplicatesInFile.length > 0) {
    say('صفوف تكرر صفاً سابقاً في الملف:', 'Rows repeating an earlier row of the file:');
    printRows(report.duplicatesInFile, (d) => ({
      ar: `الصف ${d.row} يكرر الصف ${d.otherRow} (الدرجة ${d.score}: ${reasonLabels(d.reasons, 'ar')})`,
      en: `Row ${d.row} repeats row ${d.otherRow} (score ${d.score}: ${reasonLabels(d.reasons, 'en')})`,
    }));
  }
  if (report.duplicatesInStore.length > 0) {
    say('صفوف مسجلة مسبقاً في النظام:', 'Rows already registered:');
    printRows(report.duplicatesInStore, (d) => ({
      ar: `الصف ${d.row} يطابق السجل ${d.existingId} (الدرجة ${d.score}: ${reasonLabels(d.reasons, 'ar')})`,
      en: `Row ${d.row} matches record ${d.existingId} (score ${d.score}: ${reasonLabels(d.reasons, 'en')})`,
    }));
  }
}

/**
 * Signs in as an admin and previews (--dry-run) or runs the import. Exit code 0 when the file was
 * imported (or, for a dry run, would be), 1 when it is refused.
 */
export async function importCommand(options: ImportOptions): Promise<number> {
  if (!options.file) throw usageError('حدّد الملف: mamen import <file>', 'Name the file: mamen import <file>');
  if (!existsSync(options.file)) throw new CliError(`الملف غير موجود: ${options.file}`, `File not found: ${options.file}`);
  const content = readFileSync(options.file);
  if (content.length > MAX_FILE_BYTES) {
    throw new CliError('الملف أكبر من ٦ ميغابايت. قسّمه إلى ملفات أصغر.', 'The file is larger than 6 MiB. Split it into smaller files.');
  }
  const format = formatOf(options.file, options.format);
  const mapping = mappingOf(options.map);
  const session = await openCliSession(options.storePath, { create: false, keyFile: options.keyFile });
  try {
    await signInAsAdmin(session, options.user);
    const request = {
      fileName: basename(options.file),
      format,
      contentBase64: content.toString('base64'),
      mapping,
      skipProblemRows: options.skipProblemRows,
    };
    try {
      const report = await session.call(options.dryRun ? 'imports.preview' : 'imports.run', request);
      printReport(report);
      const problems = report.totalRows - report.accepted;
      if (options.dryRun) {
        if (problems > 0 && !options.skipProblemRows) {
          say('معاينة فقط: سيُرفض الملف كاملاً ما لم تصحح الصفوف أو تستخدم --skip-problem-rows.', 'Dry run only: the file would be refused unless the rows are fixed or --skip-problem-rows is given.');
          return 1;
        }
        say(`معاينة فقط: لم يُكتب شيء. سيُستورد ${report.accepted} سجلاً.`, `Dry run only: nothing was written. ${report.accepted} records would be imported.`);
        return 0;
      }
      say(`تم استيراد ${report.imported} سجلاً.`, `${report.imported} records imported.`);
      return 0;
    } catch (error) {
      // A refused import carries its report: show what to fix before the refusal itself.
      if (error instanceof CliError && error.details !== undefined) {
        const report = ImportReport.safeParse(error.details);
        if (report.success) printReport(report.data);
      }
      throw error;
    }
  } finally {
    await session.close();
  }
}
