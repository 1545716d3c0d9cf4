import type { ConsentView, CorrectableField, CorrectionView, ExportRequestView, RightsView } from '../../src-shared/contract/privacy';
import { riyadhDay } from '../../src-shared/domain/committee-clock';
import type { ContactChannel } from '../../src-shared/domain/contact-channels';
import type { ServiceContext } from './context';
import {
  findAnonymisation,
  listConsents,
  listCorrectionsOfBeneficiary,
  listExportRequests,
  type ConsentRow,
  type CorrectionListRow,
  type ExportRow,
} from '../store/privacy';

/** Store rows → the views the contract returns. */

export function today(ctx: ServiceContext): string {
  return riyadhDay(ctx.now).toISOString().slice(0, 10);
}

export function correctionView(ctx: ServiceContext, row: CorrectionListRow): CorrectionView {
  return {
    id: row.id,
    beneficiaryId: row.beneficiary_id,
    beneficiaryName: [row.first_name, row.father_name, row.family_name].join(' '),
    field: row.field as CorrectableField,
    requestedValue: row.requested_value,
    justification: row.reason,
    channel: row.channel as ContactChannel,
    status: row.status as CorrectionView['status'],
    receivedAt: row.received_at,
    receivedByName: row.received_by_name,
    dueOn: row.due_on,
    overdue: row.status === 'open' && row.due_on < today(ctx),
    assignedToName: row.assigned_to_name,
    decidedAt: row.decided_at,
    decidedByName: row.decided_by_name,
    decisionReason: row.decision_reason,
    informed: row.informed_contact_id !== null,
  };
}

export function consentView(row: ConsentRow): ConsentView {
  return {
    status: row.status as ConsentView['status'],
    recordedAt: row.recorded_at,
    recordedByName: row.recorded_by_name,
    formId: row.form_id,
    formCode: row.form_code,
    channel: row.channel as ContactChannel | null,
  };
}

export function exportRequestView(row: ExportRow): ExportRequestView {
  return {
    id: row.id,
    channel: row.channel as ContactChannel,
    requestedAt: row.requested_at,
    requestedByName: row.requested_by_name,
    deliveredAt: row.delivered_at,
    deliveredByName: row.delivered_by_name,
    formats: (row.formats ?? '').split(',').filter((f): f is 'json' | 'pdf' => f === 'json' || f === 'pdf'),
  };
}

export async function rightsView(ctx: ServiceContext, beneficiaryId: string): Promise<RightsView> {
  const [anonymised, consents, corrections, exports] = await Promise.all([
    findAnonymisation(ctx.db, beneficiaryId),
    listConsents(ctx.db, beneficiaryId),
    listCorrectionsOfBeneficiary(ctx.db, beneficiaryId),
    listExportRequests(ctx.db, beneficiaryId),
  ]);
  const history = consents.map(consentView);
  return {
    beneficiaryId,
    anonymisedAt: anonymised?.anonymised_at ?? null,
    consent: history[0] ?? null,
    consentHistory: history,
    corrections: corrections.map((row) => correctionView(ctx, row)),
    exports: exports.map(exportRequestView),
  };
}
