import { DEFAULT_CORRECTION_DAYS, type RetentionOutcome } from '../../src-shared/contract/privacy';
import { ANONYMISATION } from '../../src-shared/domain/anonymisation';
import { REQUEST_STATES, isFinalState } from '../../src-shared/domain/request-state';
import { applicableRule, RETENTION_KINDS, type RetentionKind, type RetentionRule } from '../../src-shared/domain/retention';
import { listRetentionRules, readCorrectionDays, readRetentionJobDay, updateRetentionRule, writeCorrectionDays, writeRetentionJobDay, type RetentionRuleRow } from '../store/privacy';
import {
  anonymiseRow,
  attachmentFileSharedWithOthers,
  eraseChangeLog,
  eraseFieldHistory,
  formFileSharedWithOthers,
  recordAnonymisation,
  removeFromSearch,
  removeShelfFile,
  retentionFacts,
  withSavepoint,
} from '../store/privacy-retention';
import { collectSubjectRecords, type SubjectRecords } from '../store/privacy-subject';
import type { Handlers } from './handler-types';
import { requireActor, scopedBranch, type ServiceContext } from './context';
import { DomainError } from './domain-error';
import { today } from './privacy-views';

/**
 * Retention: rules as data, evaluated on demand (a dry run counts, a run anonymises the very same
 * files) and by the install's background job. Anonymising keeps every record statutes require and
 * every figure the reports count, and removes the person: names, ID, phones, address and free text
 * become fixed placeholders, the search index and duplicate keys no longer find them, and the
 * stored files that show them (signed form PDFs, signature images, scans) leave the shelf unless
 * another person's record uses the same file. The signed forms' rows, codes and hashes stay, so a
 * printed copy can still be told apart from a forgery. Each person is anonymised whole or not at all
 * (a savepoint per beneficiary inside the call's transaction; one that fails is left as it was and
 * counted, the others go ahead).
 */

const FINAL_STATES = REQUEST_STATES.filter(isFinalState);

function ruleOf(row: RetentionRuleRow): RetentionRule | null {
  if (!(RETENTION_KINDS as readonly string[]).includes(row.kind)) return null;
  return { code: row.code, kind: row.kind as RetentionKind, years: row.years, active: row.active === 1 };
}

function ruleView(row: RetentionRuleRow) {
  return { code: row.code, kind: row.kind as RetentionKind, years: row.years, active: row.active === 1, updatedAt: row.updated_at };
}

/** Who each active rule would anonymise now, within `branchId` when given (scope own). */
async function candidates(ctx: ServiceContext, branchId: string | null): Promise<{ rules: RetentionRule[]; chosen: Array<{ id: string; branchId: string; rule: string }> }> {
  const rules = (await listRetentionRules(ctx.db)).map(ruleOf).filter((r): r is RetentionRule => r !== null);
  if (!rules.some((r) => r.active)) return { rules, chosen: [] };
  const facts = await retentionFacts(ctx.db, FINAL_STATES);
  const chosen: Array<{ id: string; branchId: string; rule: string }> = [];
  for (const fact of facts) {
    if (branchId && fact.branch_id !== branchId) continue;
    const rule = applicableRule(rules, { ...fact, anonymised: false }, ctx.now);
    if (rule) chosen.push({ id: fact.id, branchId: fact.branch_id, rule: rule.code });
  }
  return { rules, chosen };
}

function outcome(rules: RetentionRule[], chosen: Array<{ rule: string }>, filesRemoved: number, failed: number): RetentionOutcome {
  return {
    byRule: rules.map((r) => ({ code: r.code, count: chosen.filter((c) => c.rule === r.code).length })),
    total: chosen.length - failed,
    filesRemoved,
    failed,
  };
}

const TABLES = Object.keys(ANONYMISATION) as Array<keyof typeof ANONYMISATION>;
type Row = Record<string, string | number | null> & { id: string; branch_id: string };

function rowsOf(records: SubjectRecords, table: string): Row[] {
  if (table === 'beneficiaries') return [records.beneficiary as Row, ...(records.merged_records as Row[])];
  return ((records as unknown as Record<string, Row[] | undefined>)[table] ?? []);
}

type ShelfFile = { shelf: 'forms' | 'attachments'; sha256: string; extension: string };

/** The person's stored files to take off the shelf: all but those someone else's record uses too. */
async function filesToRemove(ctx: ServiceContext, records: SubjectRecords, beneficiaryId: string): Promise<ShelfFile[]> {
  const files: ShelfFile[] = [];
  for (const sha of new Set(records.signed_forms.map((f) => String(f.file_sha256)))) {
    if (!(await formFileSharedWithOthers(ctx.db, sha, beneficiaryId))) files.push({ shelf: 'forms', sha256: sha, extension: '.pdf' });
  }
  const ownReferences = [...records.request_documents, ...records.signatures, ...records.deliveries].map((r) => String(r.id));
  for (const sha of new Set(records.attachments.map((a) => String(a.sha256)))) {
    if (!(await attachmentFileSharedWithOthers(ctx.db, sha, ownReferences))) files.push({ shelf: 'attachments', sha256: sha, extension: '' });
  }
  return files;
}

/** Anonymises one beneficiary completely; returns the number of files removed. */
export async function anonymiseBeneficiary(ctx: ServiceContext, beneficiaryId: string, ruleCode: string): Promise<number> {
  const records = await collectSubjectRecords(ctx.db, beneficiaryId);
  if (!records) throw new DomainError('NOT_FOUND', 'error.notFound');
  const files = await filesToRemove(ctx, records, beneficiaryId);
  const stamp = ctx.stamp();
  for (const table of TABLES) {
    const rows = rowsOf(records, table);
    for (const row of rows) await anonymiseRow(ctx.db, table, row, stamp);
    const ids = rows.map((r) => r.id);
    await eraseFieldHistory(ctx.db, table, ids);
    await eraseChangeLog(ctx.db, table, ids);
  }
  await removeFromSearch(ctx.db, beneficiaryId);
  await recordAnonymisation(ctx.db, { beneficiary_id: beneficiaryId, branch_id: String(records.beneficiary.branch_id), rule_code: ruleCode, anonymised_at: ctx.now.toISOString(), files_removed: files.length });
  await ctx.auditExtra('privacy.anonymise', { entity: 'beneficiary', entityId: beneficiaryId, detail: { rule: ruleCode, filesRemoved: files.length } });
  // Files last, once every row is written: only a failed commit could now leave a row without its file.
  for (const file of files) removeShelfFile(ctx.store.path, file.shelf, file.sha256, file.extension);
  return files.length;
}

async function run(ctx: ServiceContext, branchId: string | null): Promise<RetentionOutcome> {
  const { rules, chosen } = await candidates(ctx, branchId);
  let files = 0;
  let failed = 0;
  for (const person of chosen) {
    try {
      files += await withSavepoint(ctx.db, () => anonymiseBeneficiary(ctx, person.id, person.rule));
    } catch (error) {
      // That person stays as they were (their savepoint is rolled back); the others go ahead.
      failed++;
      await ctx.auditExtra('privacy.anonymiseFailed', { entity: 'beneficiary', entityId: person.id, detail: { rule: person.rule, error: error instanceof Error ? error.name : 'unknown' } });
    }
  }
  return outcome(rules, chosen, files, failed);
}

/**
 * The background job: every active rule over every branch, once a day (the job timer ticks every few
 * minutes; rules count in years, and reading every file's last activity is not free). Returns how
 * many people were anonymised.
 */
export async function runRetention(ctx: ServiceContext): Promise<number> {
  const day = today(ctx);
  if ((await readRetentionJobDay(ctx.db)) === day) return 0;
  await writeRetentionJobDay(ctx.db, day);
  return (await run(ctx, null)).total;
}

async function settings(ctx: ServiceContext) {
  return { rules: (await listRetentionRules(ctx.db)).map(ruleView), correctionDays: await readCorrectionDays(ctx.db, DEFAULT_CORRECTION_DAYS) };
}

export const privacyRetentionHandlers = {
  'privacy.retentionSettings': async (ctx) => settings(ctx),

  'privacy.saveRetentionSettings': async (ctx, input) => {
    const actor = requireActor(ctx);
    const known = new Set((await listRetentionRules(ctx.db)).map((r) => r.code));
    for (const rule of input.rules) {
      if (!known.has(rule.code)) throw new DomainError('VALIDATION', 'error.retentionRuleUnknown', { values: { code: rule.code } });
      await updateRetentionRule(ctx.db, rule.code, { years: rule.years, active: rule.active ? 1 : 0, updated_at: ctx.now.toISOString(), updated_by: actor.id });
    }
    await writeCorrectionDays(ctx.db, input.correctionDays);
    ctx.describe({ entity: 'retention_rules', entityId: null, detail: { rules: input.rules, correctionDays: input.correctionDays } });
    return settings(ctx);
  },

  'privacy.retentionPreview': async (ctx) => {
    const actor = requireActor(ctx);
    const { rules, chosen } = await candidates(ctx, scopedBranch(actor));
    return outcome(rules, chosen, 0, 0);
  },

  'privacy.retentionRun': async (ctx) => {
    const actor = requireActor(ctx);
    const result = await run(ctx, scopedBranch(actor));
    ctx.describe({ entity: 'retention_rules', entityId: null, detail: { byRule: result.byRule, total: result.total, filesRemoved: result.filesRemoved } });
    return result;
  },
} satisfies Partial<Handlers>;
