import { z } from 'zod';
import type { Role } from '../domain/roles';
import { defineMethod } from './define';
import { Empty, Id, IsoDateTime } from './common';

/** Managers see their branch's log (all branches with an `all` scope); admins see every branch. */
export const AUDIT_READERS: readonly Role[] = ['manager', 'admin'];

const IsoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'validation.date' });

export const AuditFilter = z
  .object({
    userId: Id.nullish().transform((v) => v ?? null),
    action: z.string().trim().max(80, { error: 'validation.tooLong' }).nullish().transform((v) => v || null),
    beneficiaryId: Id.nullish().transform((v) => v ?? null),
    branchId: Id.nullish().transform((v) => v ?? null),
    /** Days in Riyadh time, both inclusive. */
    from: IsoDay.nullish().transform((v) => v ?? null),
    to: IsoDay.nullish().transform((v) => v ?? null),
  })
  .strict();
export type AuditFilter = z.output<typeof AuditFilter>;

const checkRange = (v: AuditFilter) => !v.from || !v.to || v.from <= v.to;

export const AuditEntryView = z.object({
  seq: z.number().int(),
  id: Id,
  at: IsoDateTime,
  action: z.string(),
  entity: z.string().nullable(),
  entityId: z.string().nullable(),
  userId: z.string().nullable(),
  userName: z.string().nullable(),
  branchId: z.string().nullable(),
  branchName: z.string().nullable(),
  /** The beneficiary's name when the entry is about one ("who viewed whom"). */
  subjectName: z.string().nullable(),
  /** Small structured facts (field names, ids, counts); never an ID number or a phone. */
  detail: z.record(z.string(), z.unknown()).nullable(),
});
export type AuditEntryView = z.infer<typeof AuditEntryView>;

export const AuditChainResult = z.object({
  ok: z.boolean(),
  entries: z.number().int(),
  brokenAtSeq: z.number().int().nullable(),
  brokenAtId: z.string().nullable(),
});

export const auditMethods = {
  /** One page of the log, newest first. Viewing it is itself an audit entry. */
  'audit.list': defineMethod({
    input: AuditFilter.extend({
      page: z.number().int().min(1).default(1),
      pageSize: z.number().int().min(10).max(100).default(50),
      /** From the first page's answer: later pages read the same entries even as new ones arrive. */
      upToSeq: z.number().int().min(0).nullish().transform((v) => v ?? null),
    }).refine(checkRange, { path: ['to'], error: 'validation.dateRange' }),
    output: z.object({ items: z.array(AuditEntryView), total: z.number().int(), page: z.number().int(), pageSize: z.number().int(), upToSeq: z.number().int() }),
    access: AUDIT_READERS,
    writes: true,
  }),
  /** What the filters offer: actions present in the log, users and branches in the reader's scope. */
  'audit.filters': defineMethod({
    input: Empty,
    output: z.object({
      actions: z.array(z.string()),
      users: z.array(z.object({ id: Id, displayName: z.string() })),
      branches: z.array(z.object({ id: Id, name: z.string() })),
    }),
    access: AUDIT_READERS,
    writes: false,
  }),
  /** The filtered log as CSV (UTF-8 with BOM) or XLSX, newest first, at most AUDIT_EXPORT_LIMIT rows. */
  'audit.export': defineMethod({
    input: AuditFilter.extend({ format: z.enum(['csv', 'xlsx'], { error: 'validation.invalidChoice' }) }).refine(checkRange, {
      path: ['to'],
      error: 'validation.dateRange',
    }),
    output: z.object({ base64: z.string(), fileName: z.string(), mimeType: z.string(), rows: z.number().int(), truncated: z.boolean() }),
    access: AUDIT_READERS,
    writes: true,
  }),
  /** Walks the whole hash chain: OK, or the first row whose link or hash does not match. */
  'audit.verify': defineMethod({
    input: Empty,
    output: AuditChainResult,
    access: AUDIT_READERS,
    writes: true,
  }),
};
