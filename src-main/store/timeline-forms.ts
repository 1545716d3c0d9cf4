import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema';
import type { TimelineRow } from './timeline-row';

type Db = Kysely<Database> | Transaction<Database>;

/** Signed forms issued for the beneficiary (migration 0005); a correction shows as its own issue. */
export async function signedFormEvents(db: Db, beneficiaryId: string, before: string, limit: number): Promise<TimelineRow[]> {
  const rows = await db
    .selectFrom('signed_forms')
    .leftJoin('users', 'users.id', 'signed_forms.issued_by')
    .select(['signed_forms.id', 'signed_forms.kind', 'signed_forms.title', 'signed_forms.code', 'signed_forms.issued_at', 'signed_forms.supersedes_id', 'users.display_name'])
    .where('signed_forms.beneficiary_id', '=', beneficiaryId)
    .where('signed_forms.issued_at', '<', before)
    .orderBy('signed_forms.issued_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: `signed_form:${r.id}`,
    kind: 'signed_form' as const,
    at: r.issued_at,
    actorName: r.display_name,
    summary: r.title,
    fields: [],
    attributes: { formKind: r.kind, code: r.code, ...(r.supersedes_id ? { corrects: r.supersedes_id } : {}) },
  }));
}
