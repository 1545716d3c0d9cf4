import type { Board } from '../../src-shared/contract/queue';
import { queueDay, type QueueService } from '../../src-shared/domain/queue-services';
import type { Handlers } from './handler-types';
import { DomainError } from './domain-error';
import { requireActor, type ServiceContext } from './context';
import { requireBoardBranch } from './queue-access';
import { subscribeToBoard } from './queue-board-signal';
import { findBranch } from '../store/branches';
import { dayFigures, latestTicketStamp, listBoardCalls } from '../store/tickets';

/** Calls shown on the display: the current one and the few before it. */
const BOARD_CALLS = 6;

/** The day and the newest ticket write: a new day or any ticket change gives a new version. */
async function boardVersion(ctx: ServiceContext, branchId: string, day: string): Promise<string> {
  return `${day}|${(await latestTicketStamp(ctx.db, branchId, day)) ?? ''}`;
}

async function loadBoard(ctx: ServiceContext, branchId: string): Promise<Board> {
  const branch = await findBranch(ctx.db, branchId);
  if (!branch) throw new DomainError('NOT_FOUND', 'error.notFound');
  const day = queueDay(ctx.now);
  const [version, events, figures] = await Promise.all([
    boardVersion(ctx, branchId, day),
    // A recalled ticket has several call events: read enough to fill the board with distinct tickets.
    listBoardCalls(ctx.db, branchId, day, BOARD_CALLS * 4),
    dayFigures(ctx.db, branchId, day),
  ]);
  const seen = new Set<string>();
  const calls = events
    .filter((e) => (seen.has(e.ticket_id) ? false : (seen.add(e.ticket_id), true)))
    .slice(0, BOARD_CALLS)
    .map((e) => ({
      eventId: e.event_id,
      ticketId: e.ticket_id,
      number: e.number,
      service: e.service_code as QueueService,
      deskNumber: e.desk_number,
      deskName: e.desk_name,
      calledAt: e.at,
      recall: e.event === 'recalled',
    }));
  return { branchId, branchName: branch.name_ar, serviceDay: day, version, calls, waiting: figures.waiting };
}

export const queueBoardHandlers = {
  'queue.board': async (ctx, input) => {
    requireBoardBranch(requireActor(ctx), input.branchId);
    return loadBoard(ctx, input.branchId);
  },

  /**
   * The display's long poll. It subscribes before reading the version, so a call that lands between
   * the read and the wait still wakes it; a wake-up only means "read again", never "changed".
   */
  'queue.waitForBoardChange': async (ctx, input) => {
    requireBoardBranch(requireActor(ctx), input.branchId);
    const deadline = Date.now() + input.waitSeconds * 1000;
    for (;;) {
      const waiter = subscribeToBoard(input.branchId);
      const day = queueDay(ctx.now);
      const version = await boardVersion(ctx, input.branchId, day);
      const remaining = deadline - Date.now();
      if (version !== input.sinceVersion || remaining <= 0) {
        waiter.cancel();
        return loadBoard(ctx, input.branchId);
      }
      const signalled = await waiter.wait(remaining);
      if (!signalled) return loadBoard(ctx, input.branchId);
    }
  },
} satisfies Partial<Handlers>;
