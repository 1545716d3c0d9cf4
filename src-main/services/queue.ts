import { uuidv7 } from 'uuidv7';
import { formatTicketNumber, queueDay, servicePrefix } from '../../src-shared/domain/queue-services';
import type { Handlers } from './handler-types';
import { DomainError } from './domain-error';
import { requireActor } from './context';
import { loadTicket } from './queue-load';
import { requireBeneficiaryInScope } from './beneficiary-access';
import { requireBranchTicket } from './queue-access';
import { moveTicket, recordTicketEvent } from './queue-moves';
import { deskView, figuresView, priorityView, ticketView } from './queue-view';
import { queueDeskHandlers } from './queue-desk';
import { queueBoardHandlers } from './queue-board';
import { findDesk, findDeskByNumber, listDesks } from '../store/desks';
import { findQueuePriority, listQueuePriorities, updateQueuePriority } from '../store/queue-priorities';
import { dayFigures, lastSeq, listTicketDetails, listWaiting } from '../store/tickets';
import { insertTravelling, updateTravelling } from '../store/row-writer';

export const queueHandlers = {
  'queue.config': async (ctx) => {
    const actor = requireActor(ctx);
    const [desks, priorities] = await Promise.all([listDesks(ctx.db, actor.branchId), listQueuePriorities(ctx.db)]);
    return { desks: desks.map(deskView), priorities: priorities.map(priorityView) };
  },

  'queue.saveDesk': async (ctx, input) => {
    const actor = requireActor(ctx);
    const before = input.id ? await findDesk(ctx.db, input.id) : undefined;
    if (input.id && (!before || before.branch_id !== actor.branchId)) {
      throw new DomainError('NOT_FOUND', 'queue.deskUnavailable', { fields: { id: 'queue.deskUnavailable' } });
    }
    const holder = input.active ? await findDeskByNumber(ctx.db, actor.branchId, input.number) : undefined;
    if (holder && holder.id !== input.id) {
      throw new DomainError('CONFLICT', 'queue.deskNumberTaken', { fields: { number: 'queue.deskNumberTaken' } });
    }
    const columns = { number: input.number, name: input.name, services: [...new Set(input.services)].join(','), active: input.active ? 1 : 0 };
    const id = before?.id ?? uuidv7();
    if (before) await updateTravelling(ctx.db, 'desks', before, columns, ctx.stamp(), { history: true });
    else await insertTravelling(ctx.db, 'desks', { id, branch_id: actor.branchId, ...columns }, ctx.stamp());
    ctx.describe({ entity: 'desk', entityId: id, detail: { number: input.number, services: input.services } });
    const saved = await findDesk(ctx.db, id);
    if (!saved) throw new Error(`Desk ${id} was written but cannot be read back.`);
    return deskView(saved);
  },

  'queue.setPriorities': async (ctx, input) => {
    for (const priority of input.priorities) {
      // `none` is the default every ticket may take: it cannot be switched off.
      await updateQueuePriority(ctx.db, priority.code, priority.weight, priority.code === 'none' ? true : priority.active);
    }
    ctx.describe({ entity: 'queue_priorities', entityId: null, detail: { priorities: input.priorities } });
    return { priorities: (await listQueuePriorities(ctx.db)).map(priorityView) };
  },

  'queue.issue': async (ctx, input) => {
    const actor = requireActor(ctx);
    const priority = await findQueuePriority(ctx.db, input.priority);
    if (!priority || priority.active !== 1) {
      throw new DomainError('VALIDATION', 'queue.priorityInactive', { fields: { priority: 'queue.priorityInactive' } });
    }
    // A merged-away id is written as the survivor's: new rows never name an alias.
    const person = input.beneficiaryId ? await requireBeneficiaryInScope(ctx, actor, input.beneficiaryId) : null;
    const stamp = ctx.stamp();
    const day = queueDay(ctx.now);
    const prefix = servicePrefix(input.service);
    // Inside the write transaction: no other call can take the same number between read and insert.
    const seq = (await lastSeq(ctx.db, actor.branchId, day, prefix)) + 1;
    const id = uuidv7();
    const ticket = {
      id,
      branch_id: actor.branchId,
      service_day: day,
      service_code: input.service,
      prefix,
      seq,
      number: formatTicketNumber(prefix, seq),
      priority_code: priority.code,
      priority_weight: priority.weight,
      state: 'waiting',
      beneficiary_id: person?.id ?? null,
      desk_id: null,
      target_desk_id: null,
      transferred_from_id: null,
      issued_at: stamp.now,
      queued_at: stamp.now,
      recall_count: 0,
      issued_by: actor.id,
    };
    await insertTravelling(ctx.db, 'tickets', ticket, stamp);
    await recordTicketEvent(ctx, actor, ticket, 'issued', null, 'waiting', null);
    ctx.describe({ entity: 'ticket', entityId: id, detail: { service: input.service, priority: priority.code } });
    return loadTicket(ctx, id);
  },

  'queue.ticket': async (ctx, input) => {
    const actor = requireActor(ctx);
    await requireBranchTicket(ctx, actor, input.id);
    return loadTicket(ctx, input.id);
  },

  'queue.today': async (ctx, input) => {
    const actor = requireActor(ctx);
    const day = queueDay(ctx.now);
    const [rows, waiting, figures] = await Promise.all([
      listTicketDetails(ctx.db, actor.branchId, day, input.limit),
      listWaiting(ctx.db, actor.branchId, day),
      dayFigures(ctx.db, actor.branchId, day),
    ]);
    return { tickets: rows.map((row) => ticketView(row, waiting)), figures: figuresView(figures) };
  },

  /** Now or later: a ticket taken anonymously gets its beneficiary once the desk has found them. */
  'queue.linkBeneficiary': async (ctx, input) => {
    const actor = requireActor(ctx);
    const ticket = await requireBranchTicket(ctx, actor, input.ticketId);
    const person = await requireBeneficiaryInScope(ctx, actor, input.beneficiaryId);
    if (ticket.beneficiary_id !== person.id) {
      await moveTicket(ctx, actor, ticket, 'linked', { beneficiary_id: person.id }, ticket.desk_id);
    }
    ctx.describe({ entity: 'ticket', entityId: ticket.id, detail: { linked: true } });
    return loadTicket(ctx, ticket.id);
  },

  ...queueDeskHandlers,
  ...queueBoardHandlers,
} satisfies Partial<Handlers>;
