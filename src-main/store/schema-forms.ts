import type { Travelling } from './schema-travelling';

/** Row types of signed forms and their prints (migration 0005). */

/** Insert-only: one generated signed form (its file lives content-addressed beside the store). */
export type SignedFormsTable = Travelling & {
  kind: string;
  title: string;
  beneficiary_id: string | null;
  request_id: string | null;
  ticket_id: string | null;
  referral_id: string | null;
  delivery_id: string | null;
  code: string;
  file_sha256: string;
  file_size: number;
  data_json: string;
  data_hash: string;
  issued_at: string;
  issued_by: string | null;
  supersedes_id: string | null;
};

/** Insert-only: each print or saved copy of a signed form. */
export type FormPrintsTable = Travelling & {
  form_id: string;
  action: string;
  copy_number: number;
  by_user: string | null;
  at: string;
};
