import type { Travelling } from './schema-travelling';

/** Row types of the contact log and the knowledge base (migration 0004). */

export type ContactsTable = Travelling & {
  beneficiary_id: string | null;
  caller_name: string | null;
  caller_phone: string | null;
  channel: string;
  direction: string;
  contact_kind: string;
  subject: string;
  details: string | null;
  outcome: string;
  next_step: string | null;
  follow_up_on: string | null;
  occurred_at: string;
  recorded_by: string | null;
  corrects_id: string | null;
  retracted: number;
  retraction_reason: string | null;
};

export type KnowledgeDocumentsTable = Travelling & {
  tool: string;
  title: string;
  description: string | null;
  status: string;
  format: string | null;
  markdown: string | null;
  pdf_sha256: string | null;
  pdf_file_name: string | null;
  pdf_size: number | null;
  pdf_text: string | null;
  source_note: string | null;
  created_by: string | null;
  updated_by: string | null;
};

/** Derived on each install from a document's text; never travels. */
export type KnowledgeSectionsTable = { id: string; document_id: string; position: number; heading: string | null; body: string };

/** FTS5, contentless; its rowid is the section's rowid. */
export type KnowledgeSearchTable = { heading: string; body: string };
