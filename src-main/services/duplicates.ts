import { assessDuplicate, DUPLICATE_THRESHOLD, type PersonForMatching } from '../../src-shared/domain/duplicate-score';
import { nationalIdTranspositions } from '../../src-shared/domain/national-id';
import type { BeneficiaryData, DuplicateCandidate } from '../../src-shared/contract/beneficiaries';
import { beneficiaryKeys } from '../store/beneficiary-keys';
import { findCandidateRows, type BeneficiaryRow } from '../store/beneficiaries';
import type { Actor, ServiceContext } from './context';
import { fullName } from './beneficiary-view';

export function personFromDraft(draft: BeneficiaryData): PersonForMatching {
  return {
    firstName: draft.firstName,
    fatherName: draft.fatherName,
    grandfatherName: draft.grandfatherName,
    familyName: draft.familyName,
    nationalId: draft.idType === 'national_id' || draft.idType === 'iqama' ? draft.nationalId : null,
    phones: [draft.phonePrimary, draft.phoneSecondary].filter((p): p is string => Boolean(p)),
    birthDate: draft.birthDate,
  };
}

/** The columns scoring reads; ID numbers count for citizens and residents only. */
export type MatchingColumns = Pick<
  BeneficiaryRow,
  'first_name' | 'father_name' | 'grandfather_name' | 'family_name' | 'id_type' | 'national_id' | 'phone_primary' | 'phone_secondary' | 'birth_date'
>;

export function personFromRow(row: MatchingColumns): PersonForMatching {
  return {
    firstName: row.first_name,
    fatherName: row.father_name,
    grandfatherName: row.grandfather_name,
    familyName: row.family_name,
    nationalId: row.id_type === 'national_id' || row.id_type === 'iqama' ? row.national_id : null,
    phones: [row.phone_primary, row.phone_secondary].filter((p): p is string => Boolean(p)),
    birthDate: row.birth_date,
  };
}

/**
 * Ranked candidates for a draft: rows sharing a blocking key (ID or a transposition of it, phone,
 * name keys) are scored by the shared rule; unrelated namesakes below the threshold are dropped.
 * The whole store is searched whatever the user's scope, so a person registered at another branch
 * is still caught; such candidates are shown without their ID and phone.
 */
export async function findDuplicateCandidates(
  ctx: ServiceContext,
  actor: Actor,
  draft: BeneficiaryData,
  excludeId: string | null,
): Promise<DuplicateCandidate[]> {
  const person = personFromDraft(draft);
  const keys = beneficiaryKeys(draft);
  const rows = await findCandidateRows(ctx.db, {
    nationalIds: person.nationalId ? [person.nationalId, ...nationalIdTranspositions(person.nationalId)] : [],
    phones: person.phones,
    nameKey: keys.name_key,
    phoneticKey: keys.phonetic_key,
    lineageKey: keys.lineage_key,
    excludeId,
  });
  const candidates: DuplicateCandidate[] = [];
  for (const row of rows) {
    const assessment = assessDuplicate(person, personFromRow(row));
    if (assessment.kind === 'none') continue;
    const inScope = actor.branchScope === 'all' || row.branch_id === actor.branchId;
    candidates.push({
      id: row.id,
      fullName: fullName(row),
      nationalId: inScope ? row.national_id : null,
      phonePrimary: inScope ? row.phone_primary : null,
      birthDate: inScope ? row.birth_date : null,
      branchName: row.branch_name,
      inScope,
      score: assessment.score,
      kind: assessment.kind,
      reasons: assessment.reasons,
    });
  }
  return candidates.sort((a, b) => b.score - a.score);
}

/** Candidates that block a save until the receptionist has declared them different people. */
export function unresolvedDuplicates(candidates: DuplicateCandidate[], confirmedDistinct: string[]): DuplicateCandidate[] {
  const confirmed = new Set(confirmedDistinct);
  return candidates.filter((c) => c.kind === 'duplicate' && c.score >= DUPLICATE_THRESHOLD && !confirmed.has(c.id));
}
