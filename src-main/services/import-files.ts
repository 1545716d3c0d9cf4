import { parse as parseCsv, CsvError } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { IMPORT_FORMATS } from '../../src-shared/contract/system';
import type { MessageKey } from '../../src-shared/i18n/error-messages';
import { DomainError } from './domain-error';

export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** One data row: its number as the person who made the file counts it, and its cells by heading. */
export type ImportRow = { row: number; cells: Record<string, string> };
export type ImportTable = { columns: string[]; rows: ImportRow[] };

/** About 8 MiB of base64 (the contract's limit) holds roughly this many beneficiary rows. */
export const MAX_IMPORT_ROWS = 50_000;

function unreadable(key: MessageKey, values: Record<string, string | number> = {}): DomainError {
  return new DomainError('BAD_REQUEST', key, { values });
}

/**
 * Bytes → text. Only UTF-8 (with or without BOM) and UTF-16 with a BOM (Excel's "Unicode text") are
 * read; anything else, typically Windows-1256 from an old Excel, is refused rather than guessed, so no
 * name ever enters the registry as mojibake.
 */
function decodeText(content: Buffer): string {
  if (content[0] === 0x50 && content[1] === 0x4b && content[2] === 0x03 && content[3] === 0x04) throw unreadable('import.notText');
  let text: string;
  try {
    if (content[0] === 0xff && content[1] === 0xfe) text = new TextDecoder('utf-16le', { fatal: true }).decode(content);
    else if (content[0] === 0xfe && content[1] === 0xff) text = new TextDecoder('utf-16be', { fatal: true }).decode(content);
    else text = new TextDecoder('utf-8', { fatal: true }).decode(content);
  } catch {
    throw unreadable('import.notUtf8');
  }
  // TextDecoder drops a leading BOM; a NUL or other C0 control in text means the file is binary.
  // eslint-disable-next-line no-control-regex -- looking for control characters is the point here
  if (/[\u0000-\u0008\u000e-\u001f]/.test(text)) throw unreadable('import.notText');
  return text.replace(/^\ufeff/, '');
}

/** Comma, semicolon (European/Arabic Excel settings) or tab: whichever the heading line uses most. */
function detectDelimiter(text: string): string {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const counts = [',', ';', '\t'].map((d) => [d, firstLine.split(d).length - 1] as const);
  const best = counts.reduce((a, b) => (b[1] > a[1] ? b : a));
  return best[1] > 0 ? best[0] : ',';
}

/** Empty or repeated headings still get a distinct key so no cell is lost or overwritten. */
function uniqueHeadings(raw: string[]): string[] {
  const seen = new Map<string, number>();
  return raw.map((heading, i) => {
    const base = heading.trim() === '' ? `column ${i + 1}` : heading.trim();
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base} (${n})`;
  });
}

function tableFrom(headingCells: string[] | undefined, body: Array<{ row: number; values: string[] }>): ImportTable {
  if (!headingCells || headingCells.every((h) => h.trim() === '')) throw unreadable('import.noHeadings');
  const columns = uniqueHeadings(headingCells);
  const rows: ImportRow[] = [];
  for (const { row, values } of body) {
    if (values.every((v) => v.trim() === '')) continue;
    const cells: Record<string, string> = {};
    columns.forEach((column, i) => {
      cells[column] = (values[i] ?? '').trim();
    });
    rows.push({ row, cells });
  }
  if (rows.length === 0) throw unreadable('import.noRows');
  if (rows.length > MAX_IMPORT_ROWS) throw unreadable('import.tooManyRows', { max: MAX_IMPORT_ROWS });
  return { columns, rows };
}

function readCsv(content: Buffer): ImportTable {
  const text = decodeText(content);
  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    records = parseCsv(text, {
      delimiter: detectDelimiter(text),
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      // Heading + one row past the cap is enough to know the file is too long.
      to: MAX_IMPORT_ROWS + 2,
      // With `info: true` csv-parse returns { record, info } objects; its typings only know string[][].
    }) as unknown as Array<{ record: string[]; info: { lines: number } }>;
  } catch (error) {
    if (error instanceof CsvError) {
      const line = typeof error.lines === 'number' ? error.lines : 0;
      throw unreadable('import.malformedCsv', { line });
    }
    throw error;
  }
  // The row number Excel would show: csv-parse counts lines, and a quoted cell may span several.
  let embeddedNewlines = 0;
  const numbered = records.map(({ record, info }) => {
    for (const cell of record) embeddedNewlines += cell.split('\n').length - 1;
    return { row: info.lines - embeddedNewlines, values: record };
  });
  const [heading, ...body] = numbered;
  return tableFrom(heading?.values, body);
}

/** 1234567890 and 9.665e11 both print as plain digits; fractions keep their decimals. */
function numberText(value: number): string {
  if (Number.isInteger(value)) return BigInt(value).toString();
  return value.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 10 });
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return numberText(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  // Excel dates arrive as UTC midnight of the day shown in the sheet.
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('hyperlink' in value) return value.text;
  if ('error' in value) return '';
  if ('result' in value) return cellText(value.result ?? null);
  return '';
}

async function readXlsx(content: Buffer): Promise<ImportTable> {
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs's Buffer type predates @types/node 20's generic Buffer.
    await workbook.xlsx.load(content as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  } catch {
    throw unreadable('import.malformedXlsx');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw unreadable('import.emptyWorkbook');
  if (sheet.actualRowCount > MAX_IMPORT_ROWS + 1) throw unreadable('import.tooManyRows', { max: MAX_IMPORT_ROWS });
  const lines: Array<{ row: number; values: string[] }> = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const values: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) values.push(cellText(row.getCell(c).value));
    lines.push({ row: row.number, values });
  });
  const [heading, ...body] = lines;
  return tableFrom(heading?.values, body);
}

function jsonValueText(value: unknown): string | null {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? numberText(value) : null;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return null;
}

/** One flat JSON object per line; the row number is the line number. Headings are the keys seen. */
function readJsonl(content: Buffer): ImportTable {
  const lines = decodeText(content).split(/\r?\n/);
  const columns: string[] = [];
  const known = new Set<string>();
  const rows: ImportRow[] = [];
  for (const [i, line] of lines.entries()) {
    if (line.trim() === '') continue;
    if (rows.length >= MAX_IMPORT_ROWS) throw unreadable('import.tooManyRows', { max: MAX_IMPORT_ROWS });
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      throw unreadable('import.malformedJsonl', { line: i + 1 });
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw unreadable('import.malformedJsonl', { line: i + 1 });
    const cells: Record<string, string> = {};
    for (const [key, value] of Object.entries(parsed)) {
      const text = jsonValueText(value);
      if (text === null) throw unreadable('import.malformedJsonl', { line: i + 1 });
      const column = key.trim();
      if (!known.has(column)) {
        known.add(column);
        columns.push(column);
      }
      cells[column] = text.trim();
    }
    rows.push({ row: i + 1, cells });
  }
  if (rows.length === 0) throw unreadable('import.noRows');
  for (const { cells } of rows) for (const column of columns) cells[column] ??= '';
  return { columns, rows };
}

/** Reads an uploaded file into rows keyed by column heading; a file that can't be read is refused whole. */
export async function readImportFile(content: Buffer, format: ImportFormat): Promise<ImportTable> {
  switch (format) {
    case 'csv':
      return readCsv(content);
    case 'xlsx':
      return readXlsx(content);
    case 'jsonl':
      return readJsonl(content);
  }
}
