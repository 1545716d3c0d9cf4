import ExcelJS from 'exceljs';
import type { Dashboard, ReportTable } from '../../src-shared/contract/reports';
import { reportTables, type Cell, type ReportTableData } from '../../src-shared/domain/report-tables';

/** CSV for Excel (UTF-8 with a byte-order mark, CRLF, quoted where needed) and XLSX workbooks, right to left. */

/** Any titled table: the report's sections and the audit log are both exported through here. */
export type ExportTable = Pick<ReportTableData, 'title' | 'headers' | 'rows'>;

function csvCell(value: Cell): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(table: ExportTable): Buffer {
  const lines = [table.headers, ...table.rows].map((row) => row.map(csvCell).join(','));
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

export async function toXlsx(tables: ExportTable[], caption: string): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Mamen front office';
  for (const table of tables) {
    // Sheet names: at most 31 characters, none of []:*?/\ .
    const sheet = book.addWorksheet(table.title.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31), { views: [{ rightToLeft: true, state: 'frozen', ySplit: 2 }] });
    sheet.addRow([`${table.title} — ${caption}`]).font = { bold: true, size: 13 };
    const header = sheet.addRow(table.headers);
    header.font = { bold: true };
    header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EFF2' } };
    for (const row of table.rows) sheet.addRow(row);
    table.headers.forEach((h, i) => (sheet.getColumn(i + 1).width = Math.max(12, h.length + 6)));
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

export async function exportFile(dashboard: Dashboard, table: ReportTable | 'all', format: 'csv' | 'xlsx') {
  const tables = reportTables(dashboard).filter((t) => table === 'all' || t.key === table);
  const caption = `${dashboard.branch.name} — ${dashboard.period.label} (${dashboard.period.from} – ${dashboard.period.to})`;
  const stem = `report-${table}-${dashboard.period.from}`;
  const first = tables[0];
  if (format === 'csv' && first) return { base64: toCsv(first).toString('base64'), fileName: `${stem}.csv`, mimeType: 'text/csv;charset=utf-8' };
  return {
    base64: (await toXlsx(tables, caption)).toString('base64'),
    fileName: `${stem}.xlsx`,
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  };
}
