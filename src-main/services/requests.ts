import { idsOfPerson, survivingId } from '../store/duplicate-reviews';
import { uuidv7 } from 'uuidv7';
import { checkTransition, RECORD_DRIVEN_STATES, type RequestState } from '../../src-shared/domain/request-state';
import type { Handlers } from './handler-types';
import { DomainError } from './domain-error';
import { requireActor, scopedBranch, type Actor, type ServiceContext } from './context';
import { requestView } from './requests-view';
import { readCommitteeClock, writeCommitteeClock } from './requests-clock';
import { findAttachment } from '../store/attachments';
import { findInterviewByRequest } from '../store/interviews';
import {
  findRequest,
  findRequestDocument,
  latestSignatureOfRequest,
  listRequests,
  listRequestTypes,
  listTypeDocuments,
  type SupportRequestRow,
} from '../store/requests';
import { insertTravelling, updateTravelling } from '../store/row-writer';

export async function requireRequestInScope(ctx: ServiceContext, actor: Actor, id: string): Promise<SupportRequestRow> {
  const row = await findRequest(ctx.db, id);
  if (!row) throw new DomainError('NOT_FOUND', 'error.notFound');
  const branch = scopedBranch(actor);
  if (branch && row.branch_id !== branch) throw new DomainError('OUT_OF_SCOPE', 'error.outOfScope');
  return row;
}

/** Moves a request one edge along the state machine, kept in the field history (who, when, from, to). */
export async function moveRequest(
  ctx: ServiceContext,
  actor: Actor,
  row: SupportRequestRow,
  to: RequestState,
  extra: Partial<Pick<SupportRequestRow, 'submitted_at' | 'submitted_by' | 'due_date' | 'clock_days' | 'clock_mode'>> = {},
): Promise<void> {
  const check = checkTransition(row.state as RequestState, to, actor.role);
  if (!check.ok) throw new DomainError('CONFLICT', check.reason === 'role' ? 'error.transitionRole' : 'error.transitionNotAllowed');
  const stamp = ctx.stamp();
  await updateTravelling(
    ctx.db,
    'support_requests',
    row,
    { state: to, state_changed_at: stamp.now, state_changed_by: actor.id, ...extra },
    stamp,
    { history: true, hiddenFromHistory: new Set(['state_changed_at', 'state_changed_by']) },
  );
}

/** The desk may change the case data and its checklist only while the request is a draft and unsigned. */
export async function requireEditableRequest(ctx: ServiceContext, row: SupportRequestRow): Promise<void> {
  if (row.state !== 'draft' || (await latestSignatureOfRequest(ctx.db, row.id))) throw new DomainError('CONFLICT', 'error.dataLocked');
}

export const requestHandlers = {
  'requests.types': async (ctx) => {
    const [types, documents] = await Promise.all([listRequestTypes(ctx.db), listTypeDocuments(ctx.db, null)]);
    return {
      types: types.map((t) => ({
        code: t.code,
        nameAr: t.name_ar,
        nameEn: t.name_en,
        documents: documents
          .filter((d) => d.request_type_code === t.code)
          .map((d) => ({ code: d.code, nameAr: d.name_ar, nameEn: d.name_en, required: d.required === 1 })),
      })),
    };
  },

  'requests.list': async (ctx, input) => {
    const actor = requireActor(ctx);
    // A merged person's requests include those made under the record merged into it (either id works).
    const ids = input.beneficiaryId ? await idsOfPerson(ctx.db, await survivingId(ctx.db, input.beneficiaryId)) : [null];
    const found = await Promise.all(ids.map((beneficiaryId) => listRequests(ctx.db, { states: input.states, beneficiaryId, branchId: scopedBranch(actor), limit: input.limit })));
    const rows = ids.length === 1 ? (found[0] ?? []) : found.flat().sort((a, b) => (a.created_at < b.created_at ? 1 : -1)).slice(0, input.limit);
    return {
      items: rows.map((r) => ({
        id: r.id,
        beneficiaryId: r.beneficiary_id,
        beneficiaryName: r.beneficiary_name,
        requestTypeCode: r.request_type_code,
        requestTypeNameAr: r.type_name_ar,
        requestTypeNameEn: r.type_name_en,
        state: r.state as RequestState,
        submittedAt: r.submitted_at,
        dueDate: r.due_date,
        createdAt: r.created_at,
      })),
    };
  },

  'requests.get': async (ctx, input) => {
    const actor = requireActor(ctx);
    const row = await requireRequestInScope(ctx, actor, input.id);
    ctx.describe({ entity: 'support_request', entityId: row.id });
    return requestView(ctx, actor, row);
  },

  'requests.transition': async (ctx, input) => {
    const actor = requireActor(ctx);
    const row = await requireRequestInScope(ctx, actor, input.id);
    if (row.state !== input.expectedState) throw new DomainError('STALE_VERSION', 'error.requestStateChanged');
    // Submission needs the signature (the interview's step 5), a decision the committee's record, a
    // delivery its acknowledgement: none of them is a bare change of state.
    const through = RECORD_DRIVEN_STATES[input.to];
    if (through === 'interview') throw new DomainError('CONFLICT', 'error.submitThroughInterview');
    if (through === 'committee') throw new DomainError('CONFLICT', 'error.decideThroughCommittee');
    if (through === 'delivery') throw new DomainError('CONFLICT', 'error.deliverThroughDelivery');
    await moveRequest(ctx, actor, row, input.to);
    ctx.describe({ entity: 'support_request', entityId: row.id, detail: { from: row.state, to: input.to } });
    const after = await findRequest(ctx.db, row.id);
    if (!after) throw new Error(`Request ${row.id} vanished during its own transition.`);
    return requestView(ctx, actor, after);
  },

  'requests.markDocument': async (ctx, input) => {
    const actor = requireActor(ctx);
    const row = await requireRequestInScope(ctx, actor, input.requestId);
    await requireEditableRequest(ctx, row);
    const interview = await findInterviewByRequest(ctx.db, row.id);
    if (interview && interview.status !== 'open') throw new DomainError('CONFLICT', interview.status === 'referred' ? 'error.interviewReferred' : 'error.interviewClosed');
    const checklist = await listTypeDocuments(ctx.db, row.request_type_code);
    if (!checklist.some((d) => d.code === input.documentTypeCode)) {
      throw new DomainError('VALIDATION', 'error.documentNotInChecklist', { fields: { documentTypeCode: 'error.documentNotInChecklist' } });
    }
    if (input.verified && !input.seen) throw new DomainError('VALIDATION', 'error.verifiedNotSeen', { fields: { verified: 'error.verifiedNotSeen' } });
    if (input.attachmentId) {
      const attachment = await findAttachment(ctx.db, input.attachmentId);
      if (!attachment || attachment.kind !== 'document') throw new DomainError('NOT_FOUND', 'error.notFound', { fields: { attachmentId: 'error.notFound' } });
    }
    const stamp = ctx.stamp();
    const fields = {
      seen: input.seen ? 1 : 0,
      verified: input.verified ? 1 : 0,
      attachment_id: input.attachmentId ?? null,
      checked_by: actor.id,
      checked_at: stamp.now,
    };
    const existing = await findRequestDocument(ctx.db, row.id, input.documentTypeCode);
    if (existing) await updateTravelling(ctx.db, 'request_documents', existing, fields, stamp, { history: true, hiddenFromHistory: new Set(['checked_at', 'checked_by']) });
    else await insertTravelling(ctx.db, 'request_documents', { id: uuidv7(), branch_id: row.branch_id, request_id: row.id, document_type_code: input.documentTypeCode, ...fields }, stamp);
    ctx.describe({ entity: 'support_request', entityId: row.id, detail: { document: input.documentTypeCode, seen: input.seen, verified: input.verified, attached: Boolean(input.attachmentId) } });
    return requestView(ctx, actor, row);
  },

  'requests.clockSettings': async (ctx) => readCommitteeClock(ctx),

  'requests.setClockSettings': async (ctx, input) => {
    await writeCommitteeClock(ctx, input);
    ctx.describe({ entity: 'settings', entityId: null, detail: { committeeClock: input } });
    return readCommitteeClock(ctx);
  },
} satisfies Partial<Handlers>;
