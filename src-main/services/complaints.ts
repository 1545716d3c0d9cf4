import { uuidv7 } from 'uuidv7';
import { ContactInput } from '../../src-shared/contract/contacts';
import type { ComplaintView } from '../../src-shared/contract/complaints';
import { committeeDueDate, riyadhDay } from '../../src-shared/domain/committee-clock';
import { canTake, DEFAULT_RESPONSE_DAYS, isOverdue, statusAfter, type ComplaintKind, type ComplaintStatus, type ComplaintStep } from '../../src-shared/domain/complaint-flow';
import type { ContactChannel } from '../../src-shared/domain/contact-channels';
import { complaintFacts, findComplaint, findComplaintView, findStaff, listBranchStaff, listComplaints, type ComplaintListRow, type ComplaintRow } from '../store/complaints';
import { readRequestSettings, writeRequestSetting } from '../store/requests';
import { insertTravelling, updateTravelling } from '../store/row-writer';
import type { Handlers } from './handler-types';
import { requireBeneficiaryInScope } from './beneficiary-access';
import { contactHandlers } from './contacts';
import { requireActor, scopedBranch, type Actor, type ServiceContext } from './context';
import { DomainError } from './domain-error';

/** The answer time is an install setting, in working days (Sunday–Thursday), like the committee clock's option. */
const RESPONSE_DAYS_KEY = 'complaint_response_days';

async function responseDays(ctx: ServiceContext): Promise<number> {
  const days = Number((await readRequestSettings(ctx.db, [RESPONSE_DAYS_KEY])).get(RESPONSE_DAYS_KEY));
  return Number.isInteger(days) && days > 0 ? days : DEFAULT_RESPONSE_DAYS;
}

function view(ctx: ServiceContext, row: ComplaintListRow): ComplaintView {
  const today = riyadhDay(ctx.now).toISOString().slice(0, 10);
  return {
    id: row.id,
    beneficiaryId: row.beneficiary_id,
    beneficiaryName: row.beneficiary_name || null,
    ticketId: row.ticket_id,
    kind: row.kind as ComplaintKind,
    channel: row.channel as ContactChannel,
    subject: row.subject,
    details: row.details,
    status: row.status as ComplaintStatus,
    receivedAt: row.received_at,
    responseDue: row.response_due,
    overdue: isOverdue(row.status as ComplaintStatus, row.response_due, today),
    assignedToName: row.assigned_to_name,
    answer: row.answer,
    answeredAt: row.answered_at,
    closedAt: row.closed_at,
    informedChannel: row.informed_channel as ContactChannel | null,
  };
}

async function readBack(ctx: ServiceContext, id: string): Promise<ComplaintView> {
  const row = await findComplaintView(ctx.db, id);
  if (!row) throw new Error(`Complaint ${id} cannot be read back.`);
  return view(ctx, row);
}

async function requireComplaint(ctx: ServiceContext, actor: Actor, id: string, step: ComplaintStep): Promise<ComplaintRow> {
  const row = await findComplaint(ctx.db, id);
  if (!row) throw new DomainError('NOT_FOUND', 'error.notFound');
  const branch = scopedBranch(actor);
  if (branch && row.branch_id !== branch) throw new DomainError('OUT_OF_SCOPE', 'error.outOfScope');
  if (!canTake(step, row.status as ComplaintStatus)) throw new DomainError('CONFLICT', 'error.complaintStep');
  return row;
}

async function move(ctx: ServiceContext, row: ComplaintRow, step: ComplaintStep, fields: Partial<ComplaintRow>): Promise<void> {
  const stamp = ctx.stamp();
  await updateTravelling(ctx.db, 'complaints', row, { status: statusAfter(step), ...fields }, stamp, { history: true });
  ctx.describe({ entity: 'complaint', entityId: row.id, detail: { step } });
}

/** Logs the exchange with a known beneficiary in the contact log (an unnamed complainant has none). */
async function logContact(ctx: ServiceContext, beneficiaryId: string | null, fields: { channel: ContactChannel; direction: 'inbound' | 'outbound'; kind: ComplaintKind | 'answer'; subject: string; outcome: 'answered' | 'informed' | 'follow_up_needed'; followUpOn?: string }) {
  if (!beneficiaryId) return;
  const contact = ContactInput.parse({ beneficiaryId, channel: fields.channel, direction: fields.direction, contactKind: fields.kind, subject: fields.subject, outcome: fields.outcome, followUpOn: fields.followUpOn ?? null });
  await contactHandlers['contacts.record'](ctx, { contact });
}

export const complaintHandlers = {
  'complaints.receive': async (ctx, input) => {
    const actor = requireActor(ctx);
    // A merged-away id is written as the survivor's: new rows never name an alias.
    const beneficiaryId = input.beneficiaryId ? (await requireBeneficiaryInScope(ctx, actor, input.beneficiaryId)).id : null;
    const due = committeeDueDate(ctx.now, { days: await responseDays(ctx), mode: 'working' });
    const id = uuidv7();
    await insertTravelling(
      ctx.db,
      'complaints',
      { id, branch_id: actor.branchId, beneficiary_id: beneficiaryId, ticket_id: input.ticketId, kind: input.kind, channel: input.channel, subject: input.subject, details: input.details, status: 'received', received_at: ctx.now.toISOString(), received_by: actor.id, response_due: due, acknowledged_at: null, assigned_to: null, answer: null, answered_at: null, answered_by: null, closed_at: null, informed_channel: null },
      ctx.stamp(),
    );
    await logContact(ctx, beneficiaryId, { channel: input.channel, direction: 'inbound', kind: input.kind, subject: input.subject, outcome: 'follow_up_needed', followUpOn: due });
    ctx.describe({ entity: 'complaint', entityId: id, detail: { kind: input.kind, channel: input.channel } });
    return readBack(ctx, id);
  },

  'complaints.list': async (ctx, input) => {
    const actor = requireActor(ctx);
    return { items: (await listComplaints(ctx.db, { branchId: scopedBranch(actor), status: input.status })).map((r) => view(ctx, r)) };
  },

  'complaints.acknowledge': async (ctx, input) => {
    const row = await requireComplaint(ctx, requireActor(ctx), input.id, 'acknowledge');
    await move(ctx, row, 'acknowledge', { acknowledged_at: ctx.now.toISOString() });
    return readBack(ctx, row.id);
  },

  'complaints.assign': async (ctx, input) => {
    const actor = requireActor(ctx);
    const row = await requireComplaint(ctx, actor, input.id, 'assign');
    const staff = await findStaff(ctx.db, input.userId);
    if (!staff || staff.active !== 1 || staff.branch_id !== row.branch_id) throw new DomainError('VALIDATION', 'error.assigneeNotInBranch', { fields: { userId: 'error.assigneeNotInBranch' } });
    await move(ctx, row, 'assign', { assigned_to: staff.id, acknowledged_at: row.acknowledged_at ?? ctx.now.toISOString() });
    return readBack(ctx, row.id);
  },

  'complaints.answer': async (ctx, input) => {
    const actor = requireActor(ctx);
    const row = await requireComplaint(ctx, actor, input.id, 'answer');
    await move(ctx, row, 'answer', { answer: input.answer, answered_at: ctx.now.toISOString(), answered_by: actor.id });
    return readBack(ctx, row.id);
  },

  'complaints.close': async (ctx, input) => {
    const actor = requireActor(ctx);
    const row = await requireComplaint(ctx, actor, input.id, 'close');
    await logContact(ctx, row.beneficiary_id, { channel: input.channel, direction: 'outbound', kind: 'answer', subject: `الرد على ${row.kind === 'complaint' ? 'الشكوى' : 'المقترح'}: ${row.subject}`.slice(0, 200), outcome: 'informed' });
    await move(ctx, row, 'close', { closed_at: ctx.now.toISOString(), informed_channel: input.channel });
    return readBack(ctx, row.id);
  },

  'complaints.assignees': async (ctx) => {
    const actor = requireActor(ctx);
    return { items: (await listBranchStaff(ctx.db, actor.branchId)).map((u) => ({ id: u.id, name: u.display_name, role: u.role })) };
  },

  'complaints.counts': async (ctx) => {
    const actor = requireActor(ctx);
    const rows = await complaintFacts(ctx.db, scopedBranch(actor));
    const today = riyadhDay(ctx.now).toISOString().slice(0, 10);
    const tally = (key: (r: (typeof rows)[number]) => string) => {
      const counts = new Map<string, number>();
      for (const r of rows) counts.set(key(r), (counts.get(key(r)) ?? 0) + 1);
      return [...counts.entries()].map(([k, count]) => ({ key: k, count }));
    };
    const answered = rows.filter((r) => r.answered_at !== null);
    // Answered on time: on or before the response day, in Riyadh days.
    const onTime = answered.filter((r) => riyadhDay(new Date(r.answered_at as string)).toISOString().slice(0, 10) <= r.response_due).length;
    return {
      byKind: tally((r) => r.kind),
      byStatus: tally((r) => r.status),
      byChannel: tally((r) => r.channel),
      overdue: rows.filter((r) => isOverdue(r.status as ComplaintStatus, r.response_due, today)).length,
      answeredOnTime: onTime,
      answeredLate: answered.length - onTime,
    };
  },

  'complaints.settings': async (ctx) => ({ responseDays: await responseDays(ctx) }),

  'complaints.setSettings': async (ctx, input) => {
    await writeRequestSetting(ctx.db, RESPONSE_DAYS_KEY, String(input.responseDays));
    ctx.describe({ entity: 'settings', entityId: null, detail: { complaintResponseDays: input.responseDays } });
    return { responseDays: await responseDays(ctx) };
  },
} satisfies Partial<Handlers>;
