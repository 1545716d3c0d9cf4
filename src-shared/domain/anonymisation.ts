/**
 * What anonymising a beneficiary does to each column that can name or reach them. The value put in
 * place never derives from the old one (no hash, no initials), so nothing can be recovered from it.
 * Columns not listed are kept: the records statutes require (decisions, deliveries, amounts, dates,
 * codes) and every figure the reports count stay exactly as they were.
 */

/** Printed where a required text stood: "removed" (محذوف). */
export const ANONYMISED_TEXT = 'محذوف';
/** Stands for a JSON document of personal data (a signed form's data, a signature's attested data). */
export const ANONYMISED_JSON = '{"anonymised":true}';

export type Treatment =
  /** A required text: the fixed placeholder. */
  | 'placeholder'
  /** An optional value: removed. */
  | 'null'
  /** A date of birth: kept as its year only (1 January), so age groups in figures stay right. */
  | 'year'
  /** A duplicate-matching key: unique per record and made of its id, so it matches nobody. */
  | 'unmatchable'
  /** The identity document's type: none (its number is removed). */
  | 'no_id'
  /** A JSON document: the fixed placeholder document. */
  | 'json';

export const ANONYMISATION: Readonly<Record<string, Readonly<Record<string, Treatment>>>> = {
  beneficiaries: {
    first_name: 'placeholder', father_name: 'placeholder', grandfather_name: 'placeholder', family_name: 'placeholder',
    latin_name: 'null', id_type: 'no_id', national_id: 'null', birth_date: 'year',
    phone_primary: 'null', phone_secondary: 'null', city: 'null', address: 'null', notes: 'null',
    name_key: 'unmatchable', phonetic_key: 'unmatchable', lineage_key: 'unmatchable',
  },
  household_members: { full_name: 'placeholder', id_type: 'no_id', national_id: 'null', birth_date: 'year', notes: 'null' },
  support_requests: { summary: 'null', prisoner_name: 'null', prison_name: 'null' },
  interviews: { inquiry_questions: 'null', inquiry_answers: 'null', draft_json: 'null' },
  referrals: { reason: 'placeholder', researcher_notes: 'null', answer: 'null' },
  signatures: { signer_name: 'placeholder', signed_data: 'json' },
  contacts: { caller_name: 'null', caller_phone: 'null', subject: 'placeholder', details: 'null', next_step: 'null', retraction_reason: 'null' },
  research_reports: { needs: 'placeholder', narrative: 'placeholder' },
  deliveries: { signer_name: 'placeholder' },
  survey_responses: { comment: 'null' },
  survey_follow_ups: { resolution: 'null' },
  outreach_tasks: { outcome: 'null' },
  complaints: { subject: 'placeholder', details: 'null', answer: 'null' },
  signed_forms: { data_json: 'json' },
  privacy_corrections: { requested_value: 'null', reason: 'placeholder', decision_reason: 'null' },
};

export type AnonymisableTable = keyof typeof ANONYMISATION;
type Value = string | number | null;

function treated(treatment: Treatment, value: Value, id: string, column: string): Value {
  switch (treatment) {
    case 'placeholder':
      return ANONYMISED_TEXT;
    case 'null':
      return null;
    case 'year':
      return typeof value === 'string' && /^\d{4}-/.test(value) ? `${value.slice(0, 4)}-01-01` : null;
    case 'unmatchable':
      return `anonymised:${column}:${id}`;
    case 'no_id':
      return 'none';
    case 'json':
      return ANONYMISED_JSON;
  }
}

/** The columns of `row` to overwrite, with their anonymised values (only those that change). */
export function anonymisedColumns(table: string, row: Readonly<Record<string, Value>> & { id: string }): Record<string, Value> {
  const plan = ANONYMISATION[table];
  if (!plan) throw new Error(`No anonymisation plan for table ${table}.`);
  const out: Record<string, Value> = {};
  for (const [column, treatment] of Object.entries(plan)) {
    if (!(column in row)) continue;
    const before = row[column] ?? null;
    const after = treated(treatment, before, row.id, column);
    if (before !== after) out[column] = after;
  }
  return out;
}

/** Whether a column of a table holds personal data (its field-history values are erased too). */
export function isPersonalColumn(table: string, column: string): boolean {
  return Boolean(ANONYMISATION[table]?.[column]);
}
