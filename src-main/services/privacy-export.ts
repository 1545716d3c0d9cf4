import { uuidv7 } from 'uuidv7';
import { EXPORT_SCHEMA_VERSION, EXPORT_SECTIONS, type ExportSection, type SubjectExport } from '../../src-shared/contract/privacy';
import { renderSubjectExport } from '../pdf/privacy/subject-export';
import { sha256Hex } from '../store/content-files';
import { findAnonymisation, findExportRequest, insertExportRequest, listConsents, markExportDelivered } from '../store/privacy';
import { collectSubjectRecords, listFileAccess } from '../store/privacy-subject';
import { getSetting } from '../store/settings';
import type { Handlers } from './handler-types';
import { requireBeneficiaryInScope } from './beneficiary-access';
import { requireActor, type Actor, type ServiceContext } from './context';
import { DomainError } from './domain-error';
import { exportRequestView } from './privacy-views';

/**
 * The right of access: the desk records that a beneficiary asked for a copy of their data; a
 * manager hands it over as JSON (every column of every record, schema-versioned) and as an Arabic
 * PDF. Both are built from the same document, so they cannot say different things.
 */

/** Matching keys are derived from the name for the duplicate check: not data the person gave. */
const DERIVED = new Set(['name_key', 'phonetic_key', 'lineage_key']);

export async function requireNotAnonymised(ctx: ServiceContext, beneficiaryId: string): Promise<void> {
  if (await findAnonymisation(ctx.db, beneficiaryId)) throw new DomainError('CONFLICT', 'error.privacyAnonymised');
}

export async function buildSubjectExport(ctx: ServiceContext, actor: Actor, request: { id: string; beneficiary_id: string; channel: string; requested_at: string }): Promise<SubjectExport> {
  const records = await collectSubjectRecords(ctx.db, request.beneficiary_id);
  if (!records) throw new DomainError('NOT_FOUND', 'error.notFound');
  const branch = await ctx.db.selectFrom('branches').select('name_ar').where('id', '=', String(records.beneficiary.branch_id)).executeTakeFirst();
  const beneficiary = Object.fromEntries(Object.entries(records.beneficiary).filter(([key]) => !DERIVED.has(key)));
  const [consent] = await listConsents(ctx.db, request.beneficiary_id);
  const sections = Object.fromEntries(EXPORT_SECTIONS.map((s) => [s, records[s]])) as Record<ExportSection, Record<string, unknown>[]>;
  return {
    schema: 'mamen.subject-export',
    schemaVersion: EXPORT_SCHEMA_VERSION,
    generatedAt: ctx.now.toISOString(),
    generatedBy: { name: actor.displayName, role: actor.role },
    association: (await getSetting(ctx.db, 'association_name_ar')) ?? '',
    request: { id: request.id, channel: request.channel, requestedAt: request.requested_at },
    beneficiary: { ...beneficiary, branch_name: branch?.name_ar ?? '' },
    consent: consent ? { status: consent.status, recordedAt: consent.recorded_at, formCode: consent.form_code } : null,
    records: sections,
    fileAccess: await listFileAccess(ctx.db, request.beneficiary_id),
  };
}

export const privacyExportHandlers = {
  'privacy.requestExport': async (ctx, input) => {
    const actor = requireActor(ctx);
    const beneficiary = await requireBeneficiaryInScope(ctx, actor, input.beneficiaryId);
    await requireNotAnonymised(ctx, beneficiary.id);
    const id = uuidv7();
    await insertExportRequest(ctx.db, {
      id,
      branch_id: actor.branchId,
      beneficiary_id: beneficiary.id,
      channel: input.channel,
      requested_by: actor.id,
      requested_at: ctx.now.toISOString(),
      delivered_at: null,
      delivered_by: null,
      formats: null,
    });
    ctx.describe({ entity: 'beneficiary', entityId: beneficiary.id, detail: { exportRequestId: id, channel: input.channel } });
    const row = await findExportRequest(ctx.db, id);
    if (!row) throw new Error(`Export request ${id} was written but cannot be read back.`);
    return exportRequestView(row);
  },

  'privacy.export': async (ctx, input) => {
    const actor = requireActor(ctx);
    const request = await findExportRequest(ctx.db, input.requestId);
    if (!request) throw new DomainError('NOT_FOUND', 'error.exportNotFound');
    const beneficiary = await requireBeneficiaryInScope(ctx, actor, request.beneficiary_id);
    await requireNotAnonymised(ctx, beneficiary.id);
    const document = await buildSubjectExport(ctx, actor, request);
    const bytes =
      input.format === 'json'
        ? Buffer.from(`${JSON.stringify(document, null, 2)}\n`, 'utf8')
        : await renderSubjectExport(document, beneficiary.branch_name, request.id);
    await markExportDelivered(ctx.db, request, input.format, actor.id, ctx.now.toISOString());
    ctx.describe({ entity: 'beneficiary', entityId: beneficiary.id, detail: { exportRequestId: request.id, format: input.format } });
    const day = ctx.now.toISOString().slice(0, 10);
    return {
      fileName: `personal-data-${day}-${request.id.slice(-8)}.${input.format}`,
      mimeType: input.format === 'json' ? 'application/json' : 'application/pdf',
      contentBase64: bytes.toString('base64'),
      sha256: sha256Hex(bytes),
    };
  },
} satisfies Partial<Handlers>;
