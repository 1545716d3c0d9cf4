import type { AuditEntryView, AuditFilter } from '../../src-shared/contract/audit';
import { AUDIT_ACTION_LABELS, auditActionLabel } from '../../src-shared/domain/audit-actions';
import type { Handlers } from './handler-types';
import { DomainError } from './domain-error';
import { requireActor, scopedBranch, type Actor } from './context';
import { fullName } from './beneficiary-view';
import { toCsv, toXlsx } from './reports-export';
import { verifyAuditChain } from '../store/audit-log';
import { countAudit, lastAuditSeq, listAudit, listAuditActions, listAuditUsers, type AuditListRow, type AuditSearch } from '../store/audit-search';
import { listBranches } from '../store/branches';

/** An export holds at most this many rows (newest first); narrow the filters for older ones. */
export const AUDIT_EXPORT_LIMIT = 50_000;

/** Riyadh is UTC+3 all year: a day there starts at 21:00 UTC the day before. */
function riyadhDayStart(day: string): string {
  return new Date(`${day}T00:00:00+03:00`).toISOString();
}

function nextRiyadhDayStart(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00+03:00`) + 86_400_000).toISOString();
}

/** Admins read every branch; a manager only their own, unless their scope is every branch. */
function readerBranch(actor: Actor): string | null {
  return actor.role === 'admin' ? null : scopedBranch(actor);
}

function searchOf(actor: Actor, filter: AuditFilter, upToSeq: number | null): AuditSearch {
  const own = readerBranch(actor);
  if (own && filter.branchId && filter.branchId !== own) throw new DomainError('OUT_OF_SCOPE', 'error.outOfScope');
  return {
    branchId: own ?? filter.branchId,
    userId: filter.userId,
    action: filter.action,
    beneficiaryId: filter.beneficiaryId,
    fromAt: filter.from ? riyadhDayStart(filter.from) : null,
    toAt: filter.to ? nextRiyadhDayStart(filter.to) : null,
    upToSeq,
  };
}

function entryView(row: AuditListRow): AuditEntryView {
  return {
    seq: row.seq,
    id: row.id,
    at: row.at,
    action: row.action,
    entity: row.entity,
    entityId: row.entity_id,
    userId: row.user_id,
    userName: row.user_name,
    branchId: row.branch_id,
    branchName: row.branch_name,
    subjectName:
      row.first_name !== null && row.father_name !== null && row.grandfather_name !== null && row.family_name !== null
        ? fullName({ first_name: row.first_name, father_name: row.father_name, grandfather_name: row.grandfather_name, family_name: row.family_name })
        : null,
    detail: row.detail ? (JSON.parse(row.detail) as Record<string, unknown>) : null,
  };
}

/** The filters of a read, for its own audit entry: ids, codes and days only. */
function filterDetail(filter: AuditFilter): Record<string, unknown> {
  return Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== null));
}

const EXPORT_HEADERS = ['التسلسل', 'الوقت (UTC)', 'المستخدم', 'الفرع', 'الإجراء', 'رمز الإجراء', 'المستفيد', 'نوع السجل', 'معرّف السجل', 'التفاصيل'];

function exportRow(entry: AuditEntryView) {
  return [
    entry.seq,
    entry.at,
    entry.userName,
    entry.branchName,
    auditActionLabel(entry.action, 'ar'),
    entry.action,
    entry.subjectName,
    entry.entity,
    entry.entityId,
    entry.detail ? JSON.stringify(entry.detail) : null,
  ];
}

export const auditHandlers = {
  'audit.list': async (ctx, input) => {
    const actor = requireActor(ctx);
    const { page, pageSize, upToSeq, ...filter } = input;
    // Viewing is audited, so the log grows while it is read: later pages keep to the first page's end.
    const end = upToSeq ?? (await lastAuditSeq(ctx.db));
    const search = searchOf(actor, filter, end);
    const total = await countAudit(ctx.db, search);
    const rows = await listAudit(ctx.db, search, { limit: pageSize, offset: (page - 1) * pageSize }, readerBranch(actor));
    ctx.describe({ entity: 'audit_log', entityId: null, detail: { ...filterDetail(filter), page } });
    return { items: rows.map(entryView), total, page, pageSize, upToSeq: end };
  },

  'audit.filters': async (ctx) => {
    const actor = requireActor(ctx);
    const branch = readerBranch(actor);
    const branches = (await listBranches(ctx.db)).filter((b) => !branch || b.id === branch);
    return {
      // The named actions are always offered (the viewer's own reading may not be in the log yet).
      actions: [...new Set([...Object.keys(AUDIT_ACTION_LABELS), ...(await listAuditActions(ctx.db, branch))])].sort(),
      users: await listAuditUsers(ctx.db, branch),
      branches: branches.map((b) => ({ id: b.id, name: b.name_ar })),
    };
  },

  'audit.export': async (ctx, input) => {
    const actor = requireActor(ctx);
    const { format, ...filter } = input;
    const search = searchOf(actor, filter, null);
    const total = await countAudit(ctx.db, search);
    const rows = (await listAudit(ctx.db, search, { limit: AUDIT_EXPORT_LIMIT, offset: 0 }, readerBranch(actor))).map(entryView);
    const table = { title: 'سجل التدقيق', headers: EXPORT_HEADERS, rows: rows.map(exportRow) };
    const stem = `audit-log-${ctx.now.toISOString().slice(0, 10)}`;
    ctx.describe({ entity: 'audit_log', entityId: null, detail: { ...filterDetail(filter), format, rows: rows.length } });
    const file =
      format === 'csv'
        ? { base64: toCsv(table).toString('base64'), fileName: `${stem}.csv`, mimeType: 'text/csv;charset=utf-8' }
        : {
            base64: (await toXlsx([table], `${actor.branchName} — ${ctx.now.toISOString().slice(0, 10)}`)).toString('base64'),
            fileName: `${stem}.xlsx`,
            mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          };
    return { ...file, rows: rows.length, truncated: total > rows.length };
  },

  'audit.verify': async (ctx) => {
    requireActor(ctx);
    const check = await verifyAuditChain(ctx.db);
    ctx.describe({ entity: 'audit_log', entityId: check.brokenAtId, detail: { ok: check.ok, entries: check.entries, brokenAtSeq: check.brokenAtSeq } });
    return check;
  },
} satisfies Partial<Handlers>;
