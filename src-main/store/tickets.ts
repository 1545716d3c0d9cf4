import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { Database, TicketsTable } from './schema';

type Db = Kysely<Database> | Transaction<Database>;
export type TicketRow = Selectable<TicketsTable>;

/** A ticket with what the screens show beside it: branch, desk and the linked beneficiary's name parts. */
export type TicketDetailRow = TicketRow & {
  branch_name: string;
  desk_number: number | null;
  desk_name: string | null;
  /** The beneficiary the ticket's record stands for now: itself, or the survivor it was merged into. */
  person_id: string | null;
  first_name: string | null;
  father_name: string | null;
  grandfather_name: string | null;
  family_name: string | null;
};

function withDetails(db: Db) {
  return db
    .selectFrom('tickets')
    .innerJoin('branches', 'branches.id', 'tickets.branch_id')
    .leftJoin('desks', 'desks.id', 'tickets.desk_id')
    // A ticket taken under a record since merged into another shows the survivor (merges are one hop deep).
    .leftJoin('beneficiaries as named', 'named.id', 'tickets.beneficiary_id')
    .leftJoin('beneficiaries', (join) => join.on((eb) => eb('beneficiaries.id', '=', eb.fn.coalesce('named.merged_into', 'named.id'))))
    .selectAll('tickets')
    .select([
      'branches.name_ar as branch_name',
      'desks.number as desk_number',
      'desks.name as desk_name',
      'beneficiaries.id as person_id',
      'beneficiaries.first_name',
      'beneficiaries.father_name',
      'beneficiaries.grandfather_name',
      'beneficiaries.family_name',
    ]);
}

export function findTicket(db: Db, id: string): Promise<TicketRow | undefined> {
  return db.selectFrom('tickets').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findTicketDetail(db: Db, id: string): Promise<TicketDetailRow | undefined> {
  return withDetails(db).where('tickets.id', '=', id).executeTakeFirst();
}

export function listTicketDetails(db: Db, branchId: string, day: string, limit: number): Promise<TicketDetailRow[]> {
  return withDetails(db)
    .where('tickets.branch_id', '=', branchId)
    .where('tickets.service_day', '=', day)
    .orderBy('tickets.issued_at', 'desc')
    .orderBy('tickets.seq', 'desc')
    .limit(limit)
    .execute();
}

/** The highest number handed out today for one prefix at one branch (0 before the first). */
export async function lastSeq(db: Db, branchId: string, day: string, prefix: string): Promise<number> {
  const row = await db
    .selectFrom('tickets')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .where('branch_id', '=', branchId)
    .where('service_day', '=', day)
    .where('prefix', '=', prefix)
    .executeTakeFirst();
  return Number(row?.seq ?? 0);
}

/** What ordering needs of each waiting ticket of the day (a few hundred rows at most). */
export type WaitingRow = Pick<TicketRow, 'id' | 'service_code' | 'priority_weight' | 'queued_at' | 'seq' | 'target_desk_id'>;

export function listWaiting(db: Db, branchId: string, day: string): Promise<WaitingRow[]> {
  return db
    .selectFrom('tickets')
    .select(['id', 'service_code', 'priority_weight', 'queued_at', 'seq', 'target_desk_id'])
    .where('branch_id', '=', branchId)
    .where('service_day', '=', day)
    .where('state', '=', 'waiting')
    .execute();
}

/** The ticket a desk is working on: called or being served there. */
export function findDeskTicket(db: Db, deskId: string): Promise<TicketRow | undefined> {
  return db
    .selectFrom('tickets')
    .selectAll()
    .where('desk_id', '=', deskId)
    .where('state', 'in', ['called', 'serving'])
    .orderBy('called_at', 'desc')
    .executeTakeFirst();
}

export type DayFiguresRow = {
  issued: number;
  waiting: number;
  served: number;
  no_show: number;
  average_wait: number | null;
  average_service: number | null;
};

/** Counts and average times of one branch's day; transfers are not counted twice as issued. */
export async function dayFigures(db: Db, branchId: string, day: string): Promise<DayFiguresRow> {
  const row = await db
    .selectFrom('tickets')
    .select([
      sql<number>`sum(case when transferred_from_id is null then 1 else 0 end)`.as('issued'),
      sql<number>`sum(case when state = 'waiting' then 1 else 0 end)`.as('waiting'),
      sql<number>`sum(case when state = 'done' then 1 else 0 end)`.as('served'),
      sql<number>`sum(case when state = 'no_show' then 1 else 0 end)`.as('no_show'),
      sql<number | null>`avg(wait_seconds)`.as('average_wait'),
      sql<number | null>`avg(service_seconds)`.as('average_service'),
    ])
    .where('branch_id', '=', branchId)
    .where('service_day', '=', day)
    .executeTakeFirst();
  return {
    issued: Number(row?.issued ?? 0),
    waiting: Number(row?.waiting ?? 0),
    served: Number(row?.served ?? 0),
    no_show: Number(row?.no_show ?? 0),
    average_wait: row?.average_wait ?? null,
    average_service: row?.average_service ?? null,
  };
}

/** The newest write to the branch's tickets today: any change to the board changes it. */
export async function latestTicketStamp(db: Db, branchId: string, day: string): Promise<string | null> {
  const row = await db
    .selectFrom('tickets')
    .select((eb) => eb.fn.max('hlc').as('hlc'))
    .where('branch_id', '=', branchId)
    .where('service_day', '=', day)
    .executeTakeFirst();
  return row?.hlc ?? null;
}

export type BoardCallRow = {
  event_id: string;
  ticket_id: string;
  number: string;
  service_code: string;
  event: string;
  at: string;
  desk_number: number | null;
  desk_name: string | null;
};

/** The day's latest calls and recalls, newest first. */
export function listBoardCalls(db: Db, branchId: string, day: string, limit: number): Promise<BoardCallRow[]> {
  return db
    .selectFrom('ticket_events')
    .innerJoin('tickets', 'tickets.id', 'ticket_events.ticket_id')
    .leftJoin('desks', 'desks.id', 'ticket_events.desk_id')
    .select([
      'ticket_events.id as event_id',
      'ticket_events.ticket_id',
      'tickets.number',
      'tickets.service_code',
      'ticket_events.event',
      'ticket_events.at',
      'desks.number as desk_number',
      'desks.name as desk_name',
    ])
    .where('ticket_events.branch_id', '=', branchId)
    .where('ticket_events.service_day', '=', day)
    .where('ticket_events.event', 'in', ['called', 'recalled'])
    .orderBy('ticket_events.at', 'desc')
    .orderBy('ticket_events.hlc', 'desc')
    .limit(limit)
    .execute();
}
