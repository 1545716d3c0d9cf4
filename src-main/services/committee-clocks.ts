import { uuidv7 } from 'uuidv7';
import { CLOCK_MODES, DEFAULT_COMMITTEE_CLOCK, riyadhDay, type ClockMode, type CommitteeClock } from '../../src-shared/domain/committee-clock';
import { escalationMoments, momentsReached, WARNING_NOTICE_DAYS } from '../../src-shared/domain/committee-escalation';
import { insertNotificationOnce, listClockCandidates } from '../store/notifications';
import type { ServiceContext } from './context';

/**
 * The clock's notifications: every request still waiting for the committee is checked against its
 * warning and escalation days, and each moment reached is written once for the manager. Run when
 * the board loads and by the periodic check; running it twice writes nothing new.
 */

/**
 * The warning comes four clock days before the deadline: four working days span at most one weekend,
 * so a request whose warning day has come is due within six calendar days.
 */
const WARNING_LOOKAHEAD_DAYS = WARNING_NOTICE_DAYS + 2;

export function clockOf(row: { clock_days: number | null; clock_mode: string | null }): CommitteeClock {
  const mode = (CLOCK_MODES as readonly string[]).includes(row.clock_mode ?? '') ? (row.clock_mode as ClockMode) : DEFAULT_COMMITTEE_CLOCK.mode;
  return { days: row.clock_days ?? DEFAULT_COMMITTEE_CLOCK.days, mode };
}

export async function evaluateClocks(ctx: ServiceContext): Promise<number> {
  // Only requests due within the lookahead can have reached their warning: the index on
  // (state, due_date) keeps this pass from reading the whole history of requests, and the store
  // leaves out those already notified.
  const today = riyadhDay(ctx.now);
  const horizon = new Date(today.getTime() + WARNING_LOOKAHEAD_DAYS * 86_400_000).toISOString().slice(0, 10);
  const candidates = await listClockCandidates(ctx.db, horizon, today.toISOString().slice(0, 10));
  let created = 0;
  for (const row of candidates) {
    if (!row.submitted_at || !row.due_date) continue;
    const moments = escalationMoments(new Date(row.submitted_at), clockOf(row));
    for (const moment of momentsReached(moments, ctx.now)) {
      const isNew = await insertNotificationOnce(ctx.db, {
        id: uuidv7(),
        branch_id: row.branch_id,
        request_id: row.id,
        moment,
        // The stored due date, not a recomputed one: the deadline printed on the receipt is the one that counts.
        due_date: row.due_date,
        recipient_role: 'manager',
        created_at: ctx.now.toISOString(),
      });
      if (isNew) created += 1;
    }
  }
  return created;
}
