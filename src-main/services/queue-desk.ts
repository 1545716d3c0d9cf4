import { uuidv7 } from 'uuidv7';
import type { ParsedInput } from '../../src-shared/contract';
import { pickNext } from '../../src-shared/domain/queue-order';
import { QUEUE_SERVICES, queueDay, type QueueService, type TicketState } from '../../src-shared/domain/queue-services';
import { transition, type QueueAction } from '../../src-shared/domain/queue-transitions';
import type { Handlers } from './handler-types';
import { DomainError } from './domain-error';
import { requireActor, type Actor, type ServiceContext } from './context';
import { callableServices, requireBranchTicket, requireWorkingDesk } from './queue-access';
import { loadTicket } from './queue-load';
import { moveTicket, recordTicketEvent, secondsBetween, type TicketEvent } from './queue-moves';
import { deskServices, deskView, figuresView } from './queue-view';
import type { DeskRow } from '../store/desks';
import { dayFigures, findDeskTicket, listWaiting, type TicketRow, type WaitingRow } from '../store/tickets';
import { insertTravelling } from '../store/row-writer';

/** Tickets this desk may call: transferred to it by name, or waiting for a service it serves. */
function callableBy(desk: DeskRow, services: readonly QueueService[], waiting: readonly WaitingRow[]): WaitingRow[] {
  return waiting.filter((t) =>
    t.target_desk_id === null ? services.includes(t.service_code as QueueService) : t.target_desk_id === desk.id,
  );
}

/**
 * The ticket an action at this desk applies to, or the refusal a person can act on, checked in the
 * order they would ask: is it ours (branch), is it over, is it waiting, is it at my desk, may I do this.
 */
async function requireActionable(
  ctx: ServiceContext,
  actor: Actor,
  input: { deskId: string; ticketId: string },
  action: QueueAction,
): Promise<{ desk: DeskRow; ticket: TicketRow; to: TicketState }> {
  const desk = await requireWorkingDesk(ctx, actor, input.deskId);
  const ticket = await requireBranchTicket(ctx, actor, input.ticketId);
  const step = transition(action, ticket.state as TicketState, ticket.recall_count);
  if (!step.ok && step.reason === 'finished') throw new DomainError('CONFLICT', 'queue.ticketFinished');
  if (ticket.state !== 'waiting' && ticket.desk_id !== desk.id) throw new DomainError('FORBIDDEN', 'queue.notYourDesk');
  if (!step.ok) throw new DomainError('CONFLICT', 'queue.actionNotAllowed');
  return { desk, ticket, to: step.to };
}

const EVENTS: Record<Exclude<QueueAction, 'transfer'>, TicketEvent> = {
  recall: 'recalled',
  start: 'serving',
  finish: 'done',
  noShow: 'no_show',
  skip: 'skipped',
};

/** The columns an action changes; the event row records the same transition. */
function changesFor(action: Exclude<QueueAction, 'transfer'>, ticket: TicketRow, to: TicketState, now: string): Record<string, string | number | null> {
  switch (action) {
    case 'recall':
      return { recall_count: ticket.recall_count + 1, called_at: now };
    case 'start':
      return { state: to, serving_at: now };
    case 'finish':
      return { state: to, finished_at: now, service_seconds: ticket.serving_at ? secondsBetween(ticket.serving_at, now) : null };
    case 'noShow':
      return { state: to, finished_at: now };
    case 'skip':
      // Back to the end of its priority's line (a fresh place), or a no-show once the recalls are used up.
      return to === 'waiting'
        ? { state: to, desk_id: null, queued_at: now }
        : { state: to, finished_at: now };
  }
}

function deskAction(action: Exclude<QueueAction, 'transfer'>) {
  return async (ctx: ServiceContext, input: { deskId: string; ticketId: string }) => {
    const actor = requireActor(ctx);
    const { desk, ticket, to } = await requireActionable(ctx, actor, input, action);
    const now = ctx.now.toISOString();
    await moveTicket(ctx, actor, ticket, EVENTS[action], changesFor(action, ticket, to, now), desk.id);
    ctx.describe({ entity: 'ticket', entityId: ticket.id, detail: { action, to, desk: desk.number } });
    return loadTicket(ctx, ticket.id);
  };
}

async function transferTicket(ctx: ServiceContext, input: ParsedInput<'queue.transfer'>) {
  const actor = requireActor(ctx);
  const { desk, ticket, to } = await requireActionable(ctx, actor, input, 'transfer');
  const target = input.toDeskId ? await requireWorkingDesk(ctx, actor, input.toDeskId) : null;
  const current = ticket.service_code as QueueService;
  // To a desk: keep the service when that desk serves it, else take the desk's first service.
  const service: QueueService = target
    ? deskServices(target).includes(current) ? current : (deskServices(target)[0] ?? current)
    : (input.toService ?? current);
  if ((target && target.id === desk.id) || (!target && service === current)) {
    throw new DomainError('CONFLICT', 'queue.transferSameQueue', { fields: { [target ? 'toDeskId' : 'toService']: 'queue.transferSameQueue' } });
  }
  const now = ctx.now.toISOString();
  await moveTicket(ctx, actor, ticket, 'transferred', {
    state: to,
    finished_at: now,
    service_seconds: ticket.serving_at ? secondsBetween(ticket.serving_at, now) : null,
  }, desk.id);

  // The visitor keeps the number in their hand and their place: the new line orders them by their issue time.
  const id = uuidv7();
  const moved = {
    id,
    branch_id: ticket.branch_id,
    service_day: ticket.service_day,
    service_code: service,
    prefix: ticket.prefix,
    seq: ticket.seq,
    number: ticket.number,
    priority_code: ticket.priority_code,
    priority_weight: ticket.priority_weight,
    state: 'waiting',
    beneficiary_id: ticket.beneficiary_id,
    desk_id: null,
    target_desk_id: target?.id ?? null,
    transferred_from_id: ticket.id,
    issued_at: now,
    queued_at: ticket.queued_at,
    recall_count: 0,
    issued_by: actor.id,
  };
  await insertTravelling(ctx.db, 'tickets', moved, ctx.stamp());
  await recordTicketEvent(ctx, actor, moved, 'issued', null, 'waiting', null);
  ctx.describe({ entity: 'ticket', entityId: ticket.id, detail: { action: 'transfer', toService: service, toDesk: target?.number ?? null, newTicketId: id } });
  return loadTicket(ctx, id);
}

export const queueDeskHandlers = {
  'queue.deskStatus': async (ctx, input) => {
    const actor = requireActor(ctx);
    const desk = await requireWorkingDesk(ctx, actor, input.deskId);
    const day = queueDay(ctx.now);
    const [current, waiting, figures] = await Promise.all([
      findDeskTicket(ctx.db, desk.id),
      listWaiting(ctx.db, actor.branchId, day),
      dayFigures(ctx.db, actor.branchId, day),
    ]);
    const services = actor.role === 'researcher' ? (['researcher'] as QueueService[]) : deskServices(desk);
    return {
      desk: deskView(desk),
      current: current ? await loadTicket(ctx, current.id) : null,
      waitingByService: QUEUE_SERVICES.map(({ code }) => ({
        service: code,
        waiting: waiting.filter((t) => t.service_code === code && t.target_desk_id === null).length,
      })),
      callable: callableBy(desk, services, waiting).length,
      today: figuresView(figures),
    };
  },

  /**
   * Takes the highest-priority, longest-waiting ticket this desk may call. The read and the update run
   * in the call's one write transaction on the store's one connection, so two desks calling at the same
   * moment are served one after the other and never receive the same ticket.
   */
  'queue.callNext': async (ctx, input) => {
    const actor = requireActor(ctx);
    const desk = await requireWorkingDesk(ctx, actor, input.deskId);
    const services = callableServices(actor, desk);
    const busy = await findDeskTicket(ctx.db, desk.id);
    if (busy) throw new DomainError('CONFLICT', 'queue.deskBusy', { values: { number: busy.number } });
    const waiting = await listWaiting(ctx.db, actor.branchId, queueDay(ctx.now));
    const next = pickNext(
      callableBy(desk, services, waiting).map((t) => ({ ...t, priorityWeight: t.priority_weight, queuedAt: t.queued_at })),
    );
    if (!next) throw new DomainError('CONFLICT', 'queue.emptyQueue');
    const ticket = await requireBranchTicket(ctx, actor, next.id);
    const now = ctx.now.toISOString();
    await moveTicket(ctx, actor, ticket, 'called', {
      state: 'called',
      desk_id: desk.id,
      called_at: now,
      // Wait time runs from the issue to the first call; a skipped ticket called again keeps it.
      wait_seconds: ticket.wait_seconds ?? secondsBetween(ticket.issued_at, now),
    }, desk.id);
    ctx.describe({ entity: 'ticket', entityId: ticket.id, detail: { action: 'call', desk: desk.number } });
    return loadTicket(ctx, ticket.id);
  },

  'queue.recall': deskAction('recall'),
  'queue.startServing': deskAction('start'),
  'queue.finish': deskAction('finish'),
  'queue.noShow': deskAction('noShow'),
  'queue.skip': deskAction('skip'),
  'queue.transfer': transferTicket,
} satisfies Partial<Handlers>;
