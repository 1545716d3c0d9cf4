import { uuidv7 } from 'uuidv7';
import type { TicketState } from '../../src-shared/domain/queue-services';
import type { Actor, ServiceContext } from './context';
import { signalBoardChange } from './queue-board-signal';
import { insertTravelling, updateTravelling } from '../store/row-writer';
import type { TicketRow } from '../store/tickets';

export type TicketEvent = 'issued' | 'called' | 'recalled' | 'serving' | 'done' | 'no_show' | 'skipped' | 'transferred' | 'linked';

/** Appends the insert-only event row of one ticket transition (who, which desk, when). */
export async function recordTicketEvent(
  ctx: ServiceContext,
  actor: Actor,
  ticket: Pick<TicketRow, 'id' | 'branch_id' | 'service_day'>,
  event: TicketEvent,
  fromState: TicketState | null,
  toState: TicketState,
  deskId: string | null,
): Promise<void> {
  const stamp = ctx.stamp();
  await insertTravelling(
    ctx.db,
    'ticket_events',
    {
      id: uuidv7(),
      branch_id: ticket.branch_id,
      ticket_id: ticket.id,
      event,
      from_state: fromState,
      to_state: toState,
      desk_id: deskId,
      user_id: actor.id,
      service_day: ticket.service_day,
      at: stamp.now,
    },
    stamp,
  );
  signalBoardChange(ticket.branch_id);
}

/** Changes a ticket's columns and records the transition as an event, in the call's transaction. */
export async function moveTicket(
  ctx: ServiceContext,
  actor: Actor,
  before: TicketRow,
  event: TicketEvent,
  changes: Record<string, string | number | null>,
  deskId: string | null,
): Promise<void> {
  await updateTravelling(ctx.db, 'tickets', before, changes, ctx.stamp(), { history: false });
  const toState = (typeof changes.state === 'string' ? changes.state : before.state) as TicketState;
  await recordTicketEvent(ctx, actor, before, event, before.state as TicketState, toState, deskId);
}

/** Whole seconds between two ISO timestamps (never negative: clocks of two installs may disagree). */
export function secondsBetween(from: string, to: string): number {
  return Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 1000));
}
