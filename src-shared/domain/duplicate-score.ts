/**
 * Is the beneficiary being registered already on file? Each candidate found by search is scored
 * against the draft, and the receptionist decides only when the evidence is strong: asking about every
 * namesake wastes the visitor's time, missing a duplicate splits one family's history in two.
 */
import { nameTokens, phoneticKey, stripDefiniteArticle } from './arabic-text';
import { toLatinDigits } from './digits';
import { nationalIdTranspositions } from './national-id';
import { normaliseSaudiMobile } from './phone';

export type PersonForMatching = {
  firstName: string;
  fatherName: string;
  grandfatherName: string;
  familyName: string;
  nationalId: string | null;
  phones: string[]; // E.164
  birthDate: string | null; // ISO yyyy-mm-dd
};

export type DuplicateReason =
  | 'same_national_id'
  | 'national_id_transposition'
  | 'same_phone'
  | 'same_name'
  | 'phonetic_name'
  | 'same_birth_date'
  | 'relative_same_lineage';

export type DuplicateAssessment = {
  score: number;
  reasons: DuplicateReason[];
  kind: 'duplicate' | 'relative' | 'none';
};

/**
 * Points per reason, strongest first; this order is also the order of `reasons`. Points add up and
 * the total is capped at 100.
 * - same ID: the ID is the person; nothing else needs to agree.
 * - ID one swap away: a typing slip on the same person is far likelier than a stranger that close.
 * - same full name (all four parts, after folding spelling variants): rare among strangers.
 * - same phone: alone it reaches the threshold; but families share one phone, see the relative rule.
 * - phonetic name: the same name spelled differently; needs a second signal to reach the threshold.
 * - same lineage, different given name: a brother or sister. Reported so the desk can link the
 *   family, worth little as duplicate evidence.
 * - same birth date: common (many records say 1 Rajab or 1 January), so only ever supporting evidence.
 */
const POINTS: Readonly<Record<DuplicateReason, number>> = {
  same_national_id: 100,
  national_id_transposition: 60,
  same_name: 55,
  same_phone: 50,
  phonetic_name: 35,
  relative_same_lineage: 20,
  same_birth_date: 15,
};
const STRENGTH_ORDER = Object.keys(POINTS) as DuplicateReason[];

/** A draft scoring this much or more is held until the receptionist says "same person" or "different". */
export const DUPLICATE_THRESHOLD = 50;

/** One name part as a comparable key: folded spelling, connectors dropped, article dropped per word. */
function spellingKey(part: string): string {
  return nameTokens(part).map(stripDefiniteArticle).join(' ');
}

type PartMatch = 'same' | 'phonetic' | 'different' | 'unknown';

function comparePart(a: string, b: string): PartMatch {
  const keyA = spellingKey(a);
  const keyB = spellingKey(b);
  if (keyA === '' || keyB === '') return 'unknown';
  if (keyA === keyB) return 'same';
  return phoneticKey(a) === phoneticKey(b) ? 'phonetic' : 'different';
}

/**
 * Agreement of several parts: 'same' if all agree in spelling, 'phonetic' if they agree at least by
 * sound, else 'different'. A part left blank on either side (an unknown grandfather) does not count
 * against, but `required` parts must be present on both sides.
 */
function compareParts(pairs: ReadonlyArray<readonly [string, string, boolean]>): 'same' | 'phonetic' | 'different' {
  let result: 'same' | 'phonetic' = 'same';
  for (const [a, b, required] of pairs) {
    const match = comparePart(a, b);
    if (match === 'different' || (match === 'unknown' && required)) return 'different';
    if (match === 'phonetic') result = 'phonetic';
  }
  return result;
}

function nationalIdKey(id: string | null): string | null {
  const key = id === null ? '' : toLatinDigits(id).replace(/\s/g, '');
  return key === '' ? null : key;
}

function phoneKeys(phones: string[]): Set<string> {
  return new Set(phones.map((p) => normaliseSaudiMobile(p) ?? p.replace(/[^\d+]/g, '')).filter((p) => p !== ''));
}

export function assessDuplicate(draft: PersonForMatching, candidate: PersonForMatching): DuplicateAssessment {
  const found = new Set<DuplicateReason>();

  const draftId = nationalIdKey(draft.nationalId);
  const candidateId = nationalIdKey(candidate.nationalId);
  if (draftId !== null && candidateId !== null) {
    if (draftId === candidateId) found.add('same_national_id');
    else if (draftId.length === 10 && nationalIdTranspositions(draftId).includes(candidateId)) {
      found.add('national_id_transposition');
    }
  }

  const candidatePhones = phoneKeys(candidate.phones);
  if ([...phoneKeys(draft.phones)].some((p) => candidatePhones.has(p))) found.add('same_phone');

  const lineage = compareParts([
    [draft.fatherName, candidate.fatherName, true],
    [draft.grandfatherName, candidate.grandfatherName, false],
    [draft.familyName, candidate.familyName, true],
  ]);
  const given = compareParts([[draft.firstName, candidate.firstName, true]]);
  // A different given name under the same father, grandfather and family is a sibling, even when
  // the family shares one phone; only the ID can overrule that (then the given name was mistyped).
  const isRelative = lineage !== 'different' && given === 'different' && !found.has('same_national_id');

  if (isRelative) found.add('relative_same_lineage');
  else if (lineage === 'same' && given === 'same') found.add('same_name');
  else if (lineage !== 'different' && given !== 'different') found.add('phonetic_name');

  const draftBirth = draft.birthDate?.trim() ?? '';
  if (draftBirth !== '' && draftBirth === candidate.birthDate?.trim()) found.add('same_birth_date');

  const reasons = STRENGTH_ORDER.filter((reason) => found.has(reason));
  const score = Math.min(100, reasons.reduce((sum, reason) => sum + POINTS[reason], 0));
  const kind = isRelative ? 'relative' : score >= DUPLICATE_THRESHOLD ? 'duplicate' : 'none';
  return { score, reasons, kind };
}
