import type { QueueService } from '../../src-shared/domain/queue-services';
import { DomainError } from './domain-error';
import type { Actor, ServiceContext } from './context';
import { deskServices } from './queue-view';
import { findDesk, type DeskRow } from '../store/desks';
import { findTicket, type TicketRow } from '../store/tickets';

/**
 * The queue is the user's own branch, whatever their scope: a desk works the line in front of it.
 * These guards turn every "not yours" into a clear refusal before anything is written.
 */

/** An active desk of the actor's branch. */
export async function requireWorkingDesk(ctx: ServiceContext, actor: Actor, deskId: string): Promise<DeskRow> {
  const desk = await findDesk(ctx.db, deskId);
  if (!desk || desk.branch_id !== actor.branchId || desk.active !== 1) {
    throw new DomainError('CONFLICT', 'queue.deskUnavailable', { fields: { deskId: 'queue.deskUnavailable' } });
  }
  return desk;
}

/** The services a user calls from at this desk: a researcher only the researcher queue. */
export function callableServices(actor: Actor, desk: DeskRow): QueueService[] {
  const services = deskServices(desk);
  if (actor.role !== 'researcher') return services;
  if (!services.includes('researcher')) throw new DomainError('FORBIDDEN', 'queue.researcherQueueOnly');
  return ['researcher'];
}

/** A ticket of the actor's branch. */
export async function requireBranchTicket(ctx: ServiceContext, actor: Actor, ticketId: string): Promise<TicketRow> {
  const ticket = await findTicket(ctx.db, ticketId);
  if (!ticket) throw new DomainError('NOT_FOUND', 'error.notFound');
  if (ticket.branch_id !== actor.branchId) throw new DomainError('OUT_OF_SCOPE', 'queue.otherBranchTicket');
  return ticket;
}

/** A branch the actor may watch: their own, or any when their scope is every branch. */
export function requireBoardBranch(actor: Actor, branchId: string): void {
  if (actor.branchScope !== 'all' && branchId !== actor.branchId) throw new DomainError('OUT_OF_SCOPE', 'error.outOfScope');
}
