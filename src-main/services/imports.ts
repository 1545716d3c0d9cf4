import { uuidv7 } from 'uuidv7';
import type { z } from 'zod';
import { BeneficiaryInput } from '../../src-shared/contract/beneficiaries';
import type { ImportRejection, ImportReport } from '../../src-shared/contract/system';
import { fieldMessage, messageKeyForIssue } from '../../src-shared/i18n/issue-messages';
import type { ParsedInput } from '../../src-shared/contract';
import { insertTravelling } from '../store/row-writer';
import { reindexBeneficiary, type BeneficiaryRow } from '../store/beneficiaries';
import type { Handlers } from './handler-types';
import { requireActor, type ServiceContext } from './context';
import { DomainError } from './domain-error';
import { beneficiaryColumns } from './beneficiary-columns';
import { readImportFile } from './import-files';
import { draftFromCells, resolveMapping } from './import-mapping';
import { checkedRow, findDuplicatesInFile, findDuplicatesInStore, type CheckedRow } from './import-duplicates';

type ImportRequest = ParsedInput<'imports.preview'>;
type Rejection = z.infer<typeof ImportRejection>;

/** Every field the row got wrong (the first problem of each field), in both languages. */
function rejectionReasons(issues: readonly z.core.$ZodIssue[]): Rejection['reasons'] {
  const reasons: Rejection['reasons'] = [];
  const seen = new Set<string>();
  for (const issue of issues) {
    const field = issue.path.length > 0 ? issue.path.map(String).join('.') : null;
    if (seen.has(field ?? '')) continue;
    seen.add(field ?? '');
    const messageKey = messageKeyForIssue(issue);
    reasons.push({ field, messageKey, ...fieldMessage(field ?? '', messageKey) });
  }
  return reasons;
}

/**
 * Reads, maps, validates and matches the whole file without writing anything. `accepted` holds the
 * rows that would be written: valid, and neither repeating an earlier row nor matching a stored record.
 */
async function examine(ctx: ServiceContext, input: ImportRequest): Promise<{ report: ImportReport; accepted: CheckedRow[] }> {
  const table = await readImportFile(Buffer.from(input.contentBase64, 'base64'), input.format);
  const mapping = resolveMapping(table.columns, input.mapping);
  const rejected: Rejection[] = [];
  const valid: CheckedRow[] = [];
  for (const { row, cells } of table.rows) {
    const parsed = BeneficiaryInput.safeParse(draftFromCells(cells, mapping));
    if (parsed.success) valid.push(checkedRow(row, parsed.data));
    else rejected.push({ row, reasons: rejectionReasons(parsed.error.issues) });
  }
  const duplicatesInFile = findDuplicatesInFile(valid);
  const duplicatesInStore = await findDuplicatesInStore(ctx, valid);
  const problemRows = new Set([...duplicatesInFile, ...duplicatesInStore].map((d) => d.row));
  const accepted = valid.filter((r) => !problemRows.has(r.row));
  const report: ImportReport = {
    totalRows: table.rows.length,
    columns: table.columns,
    mapping: Object.fromEntries(Object.entries(mapping).filter((e): e is [string, string] => e[1] !== undefined)),
    accepted: accepted.length,
    rejected,
    duplicatesInFile,
    duplicatesInStore,
    imported: 0,
  };
  return { report, accepted };
}

/** Rows the admin has to fix or skip: rejected ones and duplicates (a row may be both kinds of duplicate). */
function problemCount(report: ImportReport): number {
  return report.rejected.length + new Set([...report.duplicatesInFile, ...report.duplicatesInStore].map((d) => d.row)).size;
}

async function insertRows(ctx: ServiceContext, rows: readonly CheckedRow[]): Promise<void> {
  const actor = requireActor(ctx);
  const stamp = ctx.stamp();
  for (const { data } of rows) {
    const row = { id: uuidv7(), branch_id: actor.branchId, ...beneficiaryColumns(data), created_by: actor.id, updated_by: actor.id };
    await insertTravelling(ctx.db, 'beneficiaries', row, stamp);
    const written: BeneficiaryRow = { ...row, created_at: stamp.now, updated_at: stamp.now, hlc: stamp.hlc, merged_into: null };
    await reindexBeneficiary(ctx.db, written);
  }
}

export const importHandlers = {
  'imports.preview': async (ctx, input) => (await examine(ctx, input)).report,

  /**
   * All or nothing by default: one rejected or duplicate row refuses the whole file (the router's
   * transaction is rolled back). With `skipProblemRows` the rest is written and the report lists what
   * was left out. Rows are registered in the admin's branch.
   */
  'imports.run': async (ctx, input) => {
    const { report, accepted } = await examine(ctx, input);
    const problems = problemCount(report);
    if (problems > 0 && !input.skipProblemRows) {
      throw new DomainError('IMPORT_REJECTED', 'error.importRejected', { values: { count: problems }, details: report });
    }
    await insertRows(ctx, accepted);
    ctx.describe({
      entity: 'import',
      entityId: null,
      detail: { fileName: input.fileName, format: input.format, imported: accepted.length, rejected: problems },
    });
    return { ...report, imported: accepted.length };
  },
} satisfies Partial<Handlers>;
