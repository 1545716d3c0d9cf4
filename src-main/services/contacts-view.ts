import type { ContactEntry } from '../../src-shared/contract/contacts';
import type { ContactListRow } from '../store/contacts';

/** A stored contact row → the contract's entry (codes stay codes; the interface names them). */
export function contactView(row: ContactListRow): ContactEntry {
  const names = [row.first_name, row.father_name, row.grandfather_name, row.family_name].filter((n): n is string => Boolean(n));
  return {
    id: row.id,
    beneficiaryId: row.person_id ?? row.beneficiary_id,
    beneficiaryName: names.length > 0 ? names.join(' ') : null,
    callerName: row.caller_name,
    callerPhone: row.caller_phone,
    channel: row.channel as ContactEntry['channel'],
    direction: row.direction as ContactEntry['direction'],
    contactKind: row.contact_kind as ContactEntry['contactKind'],
    subject: row.subject,
    details: row.details,
    outcome: row.outcome as ContactEntry['outcome'],
    nextStep: row.next_step,
    followUpOn: row.follow_up_on,
    occurredAt: row.occurred_at,
    recordedByName: row.recorded_by_name,
    branchName: row.branch_name,
    correctsId: row.corrects_id,
  };
}

const RIYADH_OFFSET_MS = 3 * 3_600_000;

/** The calendar day in Riyadh (UTC+3, no DST) of an instant, as YYYY-MM-DD. */
export function riyadhDay(at: Date): string {
  return new Date(at.getTime() + RIYADH_OFFSET_MS).toISOString().slice(0, 10);
}

/** UTC bounds [from, to) of a Riyadh calendar day, to compare with stored UTC timestamps. */
export function riyadhDayBounds(day: string): { from: string; to: string } {
  const start = Date.parse(`${day}T00:00:00.000Z`) - RIYADH_OFFSET_MS;
  return { from: new Date(start).toISOString(), to: new Date(start + 86_400_000).toISOString() };
}
