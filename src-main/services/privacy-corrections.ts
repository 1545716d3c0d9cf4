import { uuidv7 } from 'uuidv7';
import { BeneficiaryInput, type BeneficiaryData, type BeneficiaryInputRaw } from '../../src-shared/contract/beneficiaries';
import { ContactInput } from '../../src-shared/contract/contacts';
import { DEFAULT_CORRECTION_DAYS, PRIVACY_OFFICERS, type CorrectableField } from '../../src-shared/contract/privacy';
import type { ContactChannel } from '../../src-shared/domain/contact-channels';
import { checkNationalId } from '../../src-shared/domain/national-id';
import { isMessageKey, type MessageKey } from '../../src-shared/i18n/error-messages';
import type { BeneficiaryWithBranch } from '../store/beneficiaries';
import { findCorrection, insertCorrection, listOpenCorrections, readCorrectionDays, updateCorrection, type CorrectionListRow } from '../store/privacy';
import { findUserById } from '../store/users';
import type { Handlers } from './handler-types';
import { requireBeneficiaryInScope } from './beneficiary-access';
import { beneficiaryHandlers } from './beneficiaries';
import { contactHandlers } from './contacts';
import { requireActor, scopedBranch, type Actor, type ServiceContext } from './context';
import { DomainError } from './domain-error';
import { requireNotAnonymised } from './privacy-export';
import { correctionView, today } from './privacy-views';

/**
 * The right to correction: a request names one field and the value the beneficiary asks for, is
 * answered within the set days (PDPL: 30), and an accepted one is applied through the registry's own
 * edit path, so the field history records the change like any edit. The beneficiary is told the
 * answer through a contact-log entry.
 */

/** The record as the registry's edit form would send it back unchanged. */
function currentInput(row: BeneficiaryWithBranch): BeneficiaryInputRaw {
  return {
    firstName: row.first_name,
    fatherName: row.father_name,
    grandfatherName: row.grandfather_name,
    familyName: row.family_name,
    latinName: row.latin_name,
    idType: row.id_type as BeneficiaryInputRaw['idType'],
    nationalId: row.national_id,
    nationality: row.nationality,
    gender: row.gender as BeneficiaryInputRaw['gender'],
    birthDate: row.birth_date,
    phonePrimary: row.phone_primary,
    phoneSecondary: row.phone_secondary,
    governorate: row.governorate,
    city: row.city,
    address: row.address,
    notes: row.notes,
  };
}

/** The record with the one field replaced, checked by the registry's own rules (an ID's type follows its number). */
export function correctedRecord(row: BeneficiaryWithBranch, field: CorrectableField, value: string | null): BeneficiaryData {
  const input: Record<string, unknown> = { ...currentInput(row), [field]: value };
  if (field === 'nationalId' && value) {
    const check = checkNationalId(value);
    if (check.ok) input.idType = check.type === 'citizen' ? 'national_id' : 'iqama';
    else if (/[A-Za-z]/.test(value)) input.idType = 'passport';
  }
  if (field === 'nationalId' && !value) input.idType = 'none';
  const parsed = BeneficiaryInput.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const key: MessageKey = issue && isMessageKey(issue.message) ? issue.message : 'validation.invalidFormat';
  throw new DomainError('VALIDATION', key, { fields: { requestedValue: key } });
}

function addDays(isoDay: string, days: number): string {
  return new Date(Date.parse(`${isoDay}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

async function requireOfficer(ctx: ServiceContext, userId: string, branchId: string): Promise<void> {
  const user = await findUserById(ctx.db, userId);
  const eligible = user && user.active === 1 && PRIVACY_OFFICERS.includes(user.role as Actor['role']) && (user.role === 'admin' || user.branch_scope === 'all' || user.branch_id === branchId);
  if (!eligible) throw new DomainError('VALIDATION', 'error.assigneeNotOfficer', { fields: { assignedTo: 'error.assigneeNotOfficer' } });
}

async function readBack(ctx: ServiceContext, id: string): Promise<CorrectionListRow> {
  const row = await findCorrection(ctx.db, id);
  if (!row) throw new Error(`Correction request ${id} was written but cannot be read back.`);
  return row;
}

/** Tells the beneficiary the answer: an outbound entry in the contact log (its text names no value). */
async function informBeneficiary(ctx: ServiceContext, beneficiaryId: string, channel: ContactChannel, accepted: boolean): Promise<string> {
  const subject = accepted ? 'إبلاغ بقبول طلب تصحيح البيانات وتنفيذه' : 'إبلاغ برفض طلب تصحيح البيانات وسببه';
  const contact = ContactInput.parse({ beneficiaryId, channel, direction: 'outbound', contactKind: 'answer', subject, outcome: 'informed' });
  const entry = await contactHandlers['contacts.record'](ctx, { contact });
  return entry.id;
}

export const privacyCorrectionHandlers = {
  'privacy.requestCorrection': async (ctx, input) => {
    const actor = requireActor(ctx);
    const beneficiary = await requireBeneficiaryInScope(ctx, actor, input.beneficiaryId);
    await requireNotAnonymised(ctx, beneficiary.id);
    correctedRecord(beneficiary, input.field, input.requestedValue);
    if (input.assignedTo) await requireOfficer(ctx, input.assignedTo, beneficiary.branch_id);
    const id = uuidv7();
    const days = await readCorrectionDays(ctx.db, DEFAULT_CORRECTION_DAYS);
    await insertCorrection(ctx.db, {
      id,
      branch_id: beneficiary.branch_id,
      beneficiary_id: beneficiary.id,
      field: input.field,
      current_version: beneficiary.hlc,
      requested_value: input.requestedValue,
      reason: input.justification,
      channel: input.channel,
      status: 'open',
      received_at: ctx.now.toISOString(),
      received_by: actor.id,
      due_on: addDays(today(ctx), days),
      assigned_to: input.assignedTo,
      decided_at: null,
      decided_by: null,
      decision_reason: null,
      informed_contact_id: null,
    });
    ctx.describe({ entity: 'beneficiary', entityId: beneficiary.id, detail: { correctionId: id, field: input.field, channel: input.channel } });
    return correctionView(ctx, await readBack(ctx, id));
  },

  'privacy.decideCorrection': async (ctx, input) => {
    const actor = requireActor(ctx);
    const request = await findCorrection(ctx.db, input.id);
    if (!request) throw new DomainError('NOT_FOUND', 'error.notFound');
    const beneficiary = await requireBeneficiaryInScope(ctx, actor, request.beneficiary_id);
    if (request.status !== 'open') throw new DomainError('CONFLICT', 'error.correctionDecided');
    await requireNotAnonymised(ctx, beneficiary.id);
    const accepted = input.outcome === 'accepted';
    if (accepted) {
      const corrected = correctedRecord(beneficiary, request.field as CorrectableField, request.requested_value);
      await beneficiaryHandlers['beneficiaries.update'](ctx, { id: beneficiary.id, expectedVersion: beneficiary.hlc, beneficiary: corrected, confirmedDistinctFrom: [] });
    }
    const contactId = await informBeneficiary(ctx, beneficiary.id, input.informChannel, accepted);
    await updateCorrection(ctx.db, request.id, {
      status: input.outcome,
      decided_at: ctx.now.toISOString(),
      decided_by: actor.id,
      decision_reason: input.decisionReason,
      informed_contact_id: contactId,
    });
    ctx.describe({ entity: 'beneficiary', entityId: beneficiary.id, detail: { correctionId: request.id, field: request.field, outcome: input.outcome } });
    return correctionView(ctx, await readBack(ctx, request.id));
  },

  'privacy.openCorrections': async (ctx) => {
    const actor = requireActor(ctx);
    const rows = await listOpenCorrections(ctx.db, scopedBranch(actor));
    return { items: rows.map((row) => correctionView(ctx, row)), correctionDays: await readCorrectionDays(ctx.db, DEFAULT_CORRECTION_DAYS) };
  },
} satisfies Partial<Handlers>;
