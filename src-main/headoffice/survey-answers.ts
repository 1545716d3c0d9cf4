import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { uuidv7 } from 'uuidv7';
import { riyadhDay } from '../../src-shared/domain/committee-clock';
import { hlcTick, hlcToString, type Hlc } from '../../src-shared/domain/hlc';
import { FOLLOW_UP_DAYS, needsFollowUp } from '../../src-shared/domain/survey-scores';
import { applyChanges, type Change, type ColumnCatalog, type FieldValue } from '../store/change-apply';
import { sha256Hex } from '../store/content-files';
import type { Database } from '../store/schema';
import { lockChangeLog, type HeadOfficeStore } from './store';

/**
 * An answer given on head office's public survey page. It is written here as the desk would have
 * written it (a survey_responses row, channel `qr`, plus the supervisor's follow-up for a score of
 * 1–2) and appended to the ordered change log with no origin device, so the branch's desks pull it
 * and it appears in their results, follow-ups and timeline. One answer per invitation: the unique
 * index on survey_responses.invitation_id refuses a second, whatever races.
 */

export type SurveyAnswer = { csat: number; nps: number | null; comment: string | null };
export type InvitationState = 'open' | 'unknown' | 'expired' | 'used';

type Db = Kysely<Database>;

const node = `hosurvey${randomBytes(3).toString('hex')}`;
let last: Hlc | null = null;
function nextStamp(nowMs: number): string {
  last = hlcTick(last, nowMs, node);
  return hlcToString(last);
}

async function findInvitation(db: Db, token: string) {
  return db.selectFrom('survey_invitations').selectAll().where('token_hash', '=', sha256Hex(token)).executeTakeFirst();
}

async function answered(db: Db, invitationId: string): Promise<boolean> {
  return (await db.selectFrom('survey_responses').select('id').where('invitation_id', '=', invitationId).executeTakeFirst()) !== undefined;
}

/** Whether the token can still be answered (the page shows the form only then). */
export async function invitationState(db: Db, token: string, now: Date): Promise<InvitationState> {
  const invitation = await findInvitation(db, token);
  if (!invitation) return 'unknown';
  if (await answered(db, invitation.id)) return 'used';
  return invitation.expires_at <= now.toISOString() ? 'expired' : 'open';
}

/** Stores the answer (and its follow-up) once; returns the token's state as it was found. */
export async function answerInvitation(store: HeadOfficeStore, columns: ColumnCatalog, token: string, answer: SurveyAnswer, now: Date): Promise<InvitationState> {
  return store.db.transaction().execute(async (tx) => {
    await lockChangeLog(tx as unknown as Db, store.dialect);
    const db = tx as unknown as Db;
    const state = await invitationState(db, token, now);
    const invitation = await findInvitation(db, token);
    if (state !== 'open' || !invitation) return state;
    const at = now.toISOString();
    const rows: Array<[table: string, row: Record<string, FieldValue> & { id: string }]> = [];
    const responseId = uuidv7();
    rows.push(['survey_responses', {
      id: responseId, beneficiary_id: invitation.beneficiary_id, request_id: invitation.request_id, service: invitation.service, channel: 'qr',
      staff_id: invitation.staff_id, csat: answer.csat, nps: answer.nps, comment: answer.comment, answered_at: at, entered_by: invitation.staff_id, invitation_id: invitation.id,
    }]);
    if (needsFollowUp(answer.csat)) {
      const due = new Date(riyadhDay(now).getTime() + FOLLOW_UP_DAYS * 86_400_000).toISOString().slice(0, 10);
      rows.push(['survey_follow_ups', { id: uuidv7(), response_id: responseId, status: 'open', due_on: due, resolution: null, closed_by: null, closed_at: null }]);
    }
    const changes: Change[] = rows.map(([table, row]) => {
      const hlc = nextStamp(now.getTime());
      return { id: uuidv7(), table_name: table, row_id: row.id, op: 'insert', fields: { ...row, branch_id: invitation.branch_id, created_at: at, updated_at: at, hlc }, hlc, branch_id: invitation.branch_id };
    });
    const outcomes = await applyChanges(tx, changes, columns, at);
    const refused = outcomes.find((o) => !o.applied);
    if (refused && !refused.applied) {
      // Two answers racing for one token: the unique index let only the first in.
      if (refused.reason === 'conflict_unique') return 'used';
      throw new Error(`head office could not store a survey answer: ${refused.reason}`);
    }
    await tx.insertInto('sync_changes').values(changes.map((c) => ({
      id: c.id, table_name: c.table_name, row_id: c.row_id, op: c.op, fields: JSON.stringify(c.fields), hlc: c.hlc, branch_id: c.branch_id, origin_device: null, received_at: at,
    }))).execute();
    return 'open';
  });
}
