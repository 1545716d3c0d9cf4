import { z } from 'zod';
import { ROLES, type Role } from '../domain/roles';
import { PRIORITY_CODES, QUEUE_SERVICE_CODES, TICKET_STATES } from '../domain/queue-services';
import { defineMethod } from './define';
import { Id, IsoDateTime, requiredText } from './common';

/** Who works the queue: reception desks (and managers, admins); researchers call their own queue. */
export const QUEUE_WORKERS: readonly Role[] = ['reception', 'researcher', 'manager', 'admin'];
/** Who hands out tickets at the entrance. */
export const TICKET_ISSUERS: readonly Role[] = ['reception', 'manager', 'admin'];
/** Who configures desks and priorities. */
export const QUEUE_ADMINS: readonly Role[] = ['manager', 'admin'];

const Service = z.enum(QUEUE_SERVICE_CODES, { error: 'validation.invalidChoice' });
const Priority = z.enum(PRIORITY_CODES, { error: 'validation.invalidChoice' });

export const Desk = z.object({
  id: Id,
  branchId: Id,
  number: z.number().int(),
  name: z.string(),
  services: z.array(Service),
  active: z.boolean(),
});
export type Desk = z.infer<typeof Desk>;

export const QueuePriority = z.object({
  code: Priority,
  weight: z.number().int(),
  sortOrder: z.number().int(),
  active: z.boolean(),
});
export type QueuePriority = z.infer<typeof QueuePriority>;

export const Ticket = z.object({
  id: Id,
  branchId: Id,
  branchName: z.string(),
  serviceDay: z.string(),
  number: z.string(),
  service: Service,
  priority: Priority,
  state: z.enum(TICKET_STATES),
  beneficiaryId: Id.nullable(),
  beneficiaryName: z.string().nullable(),
  deskId: Id.nullable(),
  deskNumber: z.number().int().nullable(),
  deskName: z.string().nullable(),
  targetDeskId: Id.nullable(),
  transferredFromId: Id.nullable(),
  issuedAt: IsoDateTime,
  calledAt: IsoDateTime.nullable(),
  servingAt: IsoDateTime.nullable(),
  finishedAt: IsoDateTime.nullable(),
  recallCount: z.number().int(),
  waitSeconds: z.number().int().nullable(),
  serviceSeconds: z.number().int().nullable(),
  /** Tickets that would be called before this one; null once it has left the waiting line. */
  peopleAhead: z.number().int().nullable(),
});
export type Ticket = z.infer<typeof Ticket>;

export const BoardCall = z.object({
  eventId: Id,
  ticketId: Id,
  number: z.string(),
  service: Service,
  deskNumber: z.number().int().nullable(),
  deskName: z.string().nullable(),
  calledAt: IsoDateTime,
  recall: z.boolean(),
});
export type BoardCall = z.infer<typeof BoardCall>;

export const Board = z.object({
  branchId: Id,
  branchName: z.string(),
  serviceDay: z.string(),
  /** Changes whenever anything on the board may have changed; sent back to wait for the next change. */
  version: z.string(),
  /** Most recent first; the first one is the current call. */
  calls: z.array(BoardCall),
  waiting: z.number().int(),
});
export type Board = z.infer<typeof Board>;

export const ServiceCount = z.object({ service: Service, waiting: z.number().int() });

export const DayFigures = z.object({
  issued: z.number().int(),
  waiting: z.number().int(),
  served: z.number().int(),
  noShow: z.number().int(),
  averageWaitSeconds: z.number().nullable(),
  averageServiceSeconds: z.number().nullable(),
});
export type DayFigures = z.infer<typeof DayFigures>;

export const DeskStatus = z.object({
  desk: Desk,
  current: Ticket.nullable(),
  waitingByService: z.array(ServiceCount),
  /** What this desk may call now (its services, or tickets transferred to it). */
  callable: z.number().int(),
  today: DayFigures,
});
export type DeskStatus = z.infer<typeof DeskStatus>;

const DeskAction = z.object({ deskId: Id, ticketId: Id });

export const queueMethods = {
  'queue.config': defineMethod({
    input: z.object({}),
    output: z.object({ desks: z.array(Desk), priorities: z.array(QueuePriority) }),
    access: ROLES,
    writes: false,
  }),
  'queue.saveDesk': defineMethod({
    input: z.object({
      id: Id.nullish(),
      number: z.number({ error: 'validation.required' }).int({ error: 'validation.invalidType' }).min(1, { error: 'validation.invalidType' }).max(99, { error: 'validation.invalidType' }),
      name: requiredText(40),
      services: z.array(Service).min(1, { error: 'validation.required' }).max(QUEUE_SERVICE_CODES.length),
      active: z.boolean().default(true),
    }),
    output: Desk,
    access: QUEUE_ADMINS,
    writes: true,
  }),
  'queue.setPriorities': defineMethod({
    input: z.object({
      priorities: z
        .array(z.object({ code: Priority, weight: z.number().int().min(0).max(1000), active: z.boolean() }))
        .min(1)
        .max(PRIORITY_CODES.length),
    }),
    output: z.object({ priorities: z.array(QueuePriority) }),
    access: QUEUE_ADMINS,
    writes: true,
  }),
  'queue.issue': defineMethod({
    input: z.object({ service: Service, priority: Priority.default('none'), beneficiaryId: Id.nullish() }),
    output: Ticket,
    access: TICKET_ISSUERS,
    writes: true,
  }),
  'queue.ticket': defineMethod({
    input: z.object({ id: Id }),
    output: Ticket,
    access: ROLES,
    writes: false,
  }),
  /** Today's tickets of the user's branch, newest first (the reception list and reprints). */
  'queue.today': defineMethod({
    input: z.object({ limit: z.number().int().min(1).max(500).default(100) }),
    output: z.object({ tickets: z.array(Ticket), figures: DayFigures }),
    access: ROLES,
    writes: false,
  }),
  'queue.deskStatus': defineMethod({
    input: z.object({ deskId: Id }),
    output: DeskStatus,
    access: QUEUE_WORKERS,
    writes: false,
  }),
  'queue.callNext': defineMethod({
    input: z.object({ deskId: Id }),
    output: Ticket,
    access: QUEUE_WORKERS,
    writes: true,
  }),
  'queue.recall': defineMethod({ input: DeskAction, output: Ticket, access: QUEUE_WORKERS, writes: true }),
  'queue.startServing': defineMethod({ input: DeskAction, output: Ticket, access: QUEUE_WORKERS, writes: true }),
  'queue.finish': defineMethod({ input: DeskAction, output: Ticket, access: QUEUE_WORKERS, writes: true }),
  'queue.noShow': defineMethod({ input: DeskAction, output: Ticket, access: QUEUE_WORKERS, writes: true }),
  'queue.skip': defineMethod({ input: DeskAction, output: Ticket, access: QUEUE_WORKERS, writes: true }),
  'queue.transfer': defineMethod({
    input: z
      .object({ deskId: Id, ticketId: Id, toService: Service.nullish(), toDeskId: Id.nullish() })
      .refine((v) => (v.toService ? 1 : 0) + (v.toDeskId ? 1 : 0) === 1, {
        path: ['toService'],
        message: 'validation.transferTarget',
      }),
    /** The new waiting ticket (same number) in the target queue. */
    output: Ticket,
    access: QUEUE_WORKERS,
    writes: true,
  }),
  'queue.linkBeneficiary': defineMethod({
    input: z.object({ ticketId: Id, beneficiaryId: Id }),
    output: Ticket,
    access: QUEUE_WORKERS,
    writes: true,
  }),
  'queue.board': defineMethod({
    input: z.object({ branchId: Id }),
    output: Board,
    access: 'session',
    writes: false,
  }),
  /**
   * Long poll: answers as soon as the branch's board version differs from `sinceVersion`, or with the
   * unchanged board after `waitSeconds`. The same over IPC and HTTP.
   */
  'queue.waitForBoardChange': defineMethod({
    input: z.object({
      branchId: Id,
      sinceVersion: z.string().max(64).nullable(),
      waitSeconds: z.number().int().min(1).max(25).default(20),
    }),
    output: Board,
    access: 'session',
    writes: false,
  }),
};
