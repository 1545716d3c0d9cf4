import { uuidv7 } from 'uuidv7';
import type { ContactData } from '../../src-shared/contract/contacts';
import { CONTACT_CHANNEL_CODES, type ContactChannel } from '../../src-shared/domain/contact-channels';
import type { Handlers } from './handler-types';
import { DomainError } from './domain-error';
import { requireActor, scopedBranch, type Actor, type ServiceContext } from './context';
import { requireBeneficiaryInScope } from './beneficiary-access';
import { contactView, riyadhDay, riyadhDayBounds } from './contacts-view';
import {
  countDailyContactsByChannel,
  findContact,
  isSuperseded,
  listContactsOfBeneficiary,
  listDailyContacts,
  type ContactListRow,
} from '../store/contacts';
import { insertTravelling } from '../store/row-writer';

/** A call logged a little after the clock of another desk is not "in the future"; five minutes of slack. */
const CLOCK_SLACK_MS = 5 * 60_000;

function contactColumns(data: ContactData, checked: CheckedContact) {
  return {
    beneficiary_id: checked.beneficiaryId,
    caller_name: data.callerName,
    caller_phone: data.callerPhone,
    channel: data.channel,
    direction: data.direction,
    contact_kind: data.contactKind,
    subject: data.subject,
    details: data.details,
    outcome: data.outcome,
    next_step: data.nextStep,
    follow_up_on: data.followUpOn,
    occurred_at: checked.occurredAt,
  };
}

/** When the entry happened, and whom it is about (a merged-away id is written as the survivor's). */
type CheckedContact = { occurredAt: string; beneficiaryId: string | null };

/** Checks what a new or corrected entry points at and when it happened. */
async function checkContact(ctx: ServiceContext, actor: Actor, data: ContactData): Promise<CheckedContact> {
  const beneficiaryId = data.beneficiaryId ? (await requireBeneficiaryInScope(ctx, actor, data.beneficiaryId)).id : null;
  const occurredAt = data.occurredAt ?? ctx.now.toISOString();
  if (Date.parse(occurredAt) > ctx.now.getTime() + CLOCK_SLACK_MS) {
    throw new DomainError('VALIDATION', 'error.contactInFuture', { fields: { 'contact.occurredAt': 'error.contactInFuture' } });
  }
  return { occurredAt, beneficiaryId };
}

/**
 * The entry a correction or retraction replaces: it must be the current version, and the actor must
 * be allowed to see it (its beneficiary in scope; an anonymous inquiry logged in their branch).
 */
async function requireCurrentContact(ctx: ServiceContext, actor: Actor, id: string): Promise<ContactListRow> {
  const row = await findContact(ctx.db, id);
  if (!row || row.retracted === 1) throw new DomainError('NOT_FOUND', 'error.notFound');
  if (row.beneficiary_id) {
    await requireBeneficiaryInScope(ctx, actor, row.beneficiary_id);
  } else {
    const branch = scopedBranch(actor);
    if (branch && row.branch_id !== branch) throw new DomainError('OUT_OF_SCOPE', 'error.outOfScope');
  }
  if (await isSuperseded(ctx.db, id)) throw new DomainError('CONFLICT', 'error.contactAlreadyCorrected');
  return row;
}

async function readBack(ctx: ServiceContext, id: string) {
  const row = await findContact(ctx.db, id);
  if (!row) throw new Error(`Contact ${id} was written but cannot be read back.`);
  return contactView(row);
}

export const contactHandlers = {
  'contacts.record': async (ctx, input) => {
    const actor = requireActor(ctx);
    const checked = await checkContact(ctx, actor, input.contact);
    const id = uuidv7();
    await insertTravelling(
      ctx.db,
      'contacts',
      { id, branch_id: actor.branchId, ...contactColumns(input.contact, checked), recorded_by: actor.id, corrects_id: null, retracted: 0, retraction_reason: null },
      ctx.stamp(),
    );
    // Codes only: the subject and summary may name people and stay out of the audit trail.
    ctx.describe({ entity: 'contact', entityId: id, detail: { beneficiaryId: input.contact.beneficiaryId, channel: input.contact.channel, direction: input.contact.direction } });
    return readBack(ctx, id);
  },

  'contacts.correct': async (ctx, input) => {
    const actor = requireActor(ctx);
    const original = await requireCurrentContact(ctx, actor, input.id);
    const checked = await checkContact(ctx, actor, input.contact);
    const id = uuidv7();
    await insertTravelling(
      ctx.db,
      'contacts',
      { id, branch_id: original.branch_id, ...contactColumns(input.contact, checked), recorded_by: actor.id, corrects_id: original.id, retracted: 0, retraction_reason: null },
      ctx.stamp(),
    );
    ctx.describe({ entity: 'contact', entityId: id, detail: { corrects: original.id, beneficiaryId: input.contact.beneficiaryId } });
    return readBack(ctx, id);
  },

  'contacts.retract': async (ctx, input) => {
    const actor = requireActor(ctx);
    const original = await requireCurrentContact(ctx, actor, input.id);
    const id = uuidv7();
    // The retraction repeats what it withdraws, so the row reads on its own when it travels.
    await insertTravelling(
      ctx.db,
      'contacts',
      {
        id,
        branch_id: original.branch_id,
        beneficiary_id: original.beneficiary_id,
        caller_name: original.caller_name,
        caller_phone: original.caller_phone,
        channel: original.channel,
        direction: original.direction,
        contact_kind: original.contact_kind,
        subject: original.subject,
        details: original.details,
        outcome: original.outcome,
        next_step: original.next_step,
        follow_up_on: original.follow_up_on,
        occurred_at: original.occurred_at,
        recorded_by: actor.id,
        corrects_id: original.id,
        retracted: 1,
        retraction_reason: input.retractionReason,
      },
      ctx.stamp(),
    );
    ctx.describe({ entity: 'contact', entityId: id, detail: { retracts: original.id } });
    return { ok: true as const };
  },

  'contacts.forBeneficiary': async (ctx, input) => {
    const actor = requireActor(ctx);
    await requireBeneficiaryInScope(ctx, actor, input.beneficiaryId);
    const rows = await listContactsOfBeneficiary(ctx.db, input.beneficiaryId);
    return { items: rows.map(contactView) };
  },

  'contacts.daily': async (ctx, input) => {
    const actor = requireActor(ctx);
    const day = input.day ?? riyadhDay(ctx.now);
    const bounds = riyadhDayBounds(day);
    const base = {
      ...bounds,
      followUpsDueBy: input.view === 'follow_ups_due' ? day : null,
      branchId: scopedBranch(actor),
    };
    const rows = await listDailyContacts(ctx.db, { ...base, channel: input.channel ?? null });
    const counts = await countDailyContactsByChannel(ctx.db, base);
    const countsByChannel = Object.fromEntries(CONTACT_CHANNEL_CODES.map((code) => [code, counts.get(code) ?? 0])) as Record<ContactChannel, number>;
    return { day, items: rows.map(contactView), countsByChannel };
  },
} satisfies Partial<Handlers>;
