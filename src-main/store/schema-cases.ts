import type { Travelling } from './schema-travelling';

/** Row types of support requests, interviews, referrals, signatures and attachments (migration 0003). */

export type RequestTypesTable = { code: string; name_ar: string; name_en: string; sort_order: number; active: number };
export type DocumentTypesTable = { code: string; name_ar: string; name_en: string; sort_order: number };
export type RequestTypeDocumentsTable = { request_type_code: string; document_type_code: string; required: number; sort_order: number };

export type AttachmentsTable = Travelling & {
  sha256: string;
  mime_type: string;
  size_bytes: number;
  kind: string;
  created_by: string | null;
};

export type SupportRequestsTable = Travelling & {
  beneficiary_id: string;
  request_type_code: string;
  state: string;
  summary: string | null;
  prisoner_name: string | null;
  prisoner_relation: string | null;
  prison_name: string | null;
  case_status: string | null;
  expected_release_date: string | null;
  monthly_income: number | null;
  income_sources: string | null;
  housing_type: string | null;
  monthly_rent: number | null;
  household_size: number | null;
  submitted_at: string | null;
  submitted_by: string | null;
  due_date: string | null;
  clock_days: number | null;
  clock_mode: string | null;
  state_changed_at: string;
  state_changed_by: string | null;
  created_by: string | null;
};

export type RequestDocumentsTable = Travelling & {
  request_id: string;
  document_type_code: string;
  seen: number;
  verified: number;
  attachment_id: string | null;
  checked_by: string | null;
  checked_at: string | null;
};

export type InterviewsTable = Travelling & {
  beneficiary_id: string | null;
  request_id: string | null;
  desk_user_id: string;
  status: string;
  inquiry_questions: string | null;
  inquiry_answers: string | null;
  draft_step: string | null;
  draft_json: string | null;
  draft_saved_at: string | null;
};

export type InterviewStepsTable = Travelling & {
  interview_id: string;
  step: string;
  outcome: string | null;
  completed_by: string;
  completed_at: string;
};

export type ReferralsTable = Travelling & {
  interview_id: string;
  request_id: string | null;
  beneficiary_id: string | null;
  reason: string;
  status: string;
  referred_by: string;
  referred_at: string;
  researcher_id: string | null;
  researcher_notes: string | null;
  answer: string | null;
  answered_at: string | null;
};

export type SignaturesTable = Travelling & {
  request_id: string;
  interview_id: string;
  signer_name: string;
  attachment_id: string;
  data_hash: string;
  signed_data: string;
  witnessed_by: string;
  signed_at: string;
};

/* Reception queue (migration 0002). */
