import type { Desk, DayFigures, QueuePriority, Ticket } from '../../src-shared/contract/queue';
import { countAhead } from '../../src-shared/domain/queue-order';
import type { PriorityCode, QueueService, TicketState } from '../../src-shared/domain/queue-services';
import type { DeskRow } from '../store/desks';
import type { QueuePriorityRow } from '../store/queue-priorities';
import type { DayFiguresRow, TicketDetailRow, WaitingRow } from '../store/tickets';
import { fullName } from './beneficiary-view';

/** The desk's services, stored comma-separated (a short closed list; see migration 0002). */
export function deskServices(row: Pick<DeskRow, 'services'>): QueueService[] {
  return row.services.split(',').filter((s) => s !== '') as QueueService[];
}

export function deskView(row: DeskRow): Desk {
  return {
    id: row.id,
    branchId: row.branch_id,
    number: row.number,
    name: row.name,
    services: deskServices(row),
    active: row.active === 1,
  };
}

export function priorityView(row: QueuePriorityRow): QueuePriority {
  return { code: row.code as PriorityCode, weight: row.weight, sortOrder: row.sort_order, active: row.active === 1 };
}

/** The line a waiting ticket stands in: its own desk after a transfer to one desk, else its service. */
export function lineOf(row: Pick<WaitingRow, 'service_code' | 'target_desk_id'>): string {
  return row.target_desk_id ?? row.service_code;
}

function candidate(row: Pick<WaitingRow, 'priority_weight' | 'queued_at' | 'seq'>) {
  return { priorityWeight: row.priority_weight, queuedAt: row.queued_at, seq: row.seq };
}

/** Tickets of the same line that would be called first. */
export function peopleAhead(row: WaitingRow, waiting: readonly WaitingRow[]): number {
  const line = lineOf(row);
  return countAhead(
    candidate(row),
    waiting.filter((other) => other.id !== row.id && lineOf(other) === line).map(candidate),
  );
}

export function ticketView(row: TicketDetailRow, waiting: readonly WaitingRow[] | null): Ticket {
  const hasName = row.first_name !== null && row.father_name !== null && row.grandfather_name !== null && row.family_name !== null;
  return {
    id: row.id,
    branchId: row.branch_id,
    branchName: row.branch_name,
    serviceDay: row.service_day,
    number: row.number,
    service: row.service_code as QueueService,
    priority: row.priority_code as PriorityCode,
    state: row.state as TicketState,
    beneficiaryId: row.person_id ?? row.beneficiary_id,
    beneficiaryName: hasName
      ? fullName({ first_name: row.first_name ?? '', father_name: row.father_name ?? '', grandfather_name: row.grandfather_name ?? '', family_name: row.family_name ?? '' })
      : null,
    deskId: row.desk_id,
    deskNumber: row.desk_number,
    deskName: row.desk_name,
    targetDeskId: row.target_desk_id,
    transferredFromId: row.transferred_from_id,
    issuedAt: row.issued_at,
    calledAt: row.called_at,
    servingAt: row.serving_at,
    finishedAt: row.finished_at,
    recallCount: row.recall_count,
    waitSeconds: row.wait_seconds,
    serviceSeconds: row.service_seconds,
    peopleAhead: row.state === 'waiting' && waiting ? peopleAhead(row, waiting) : null,
  };
}

export function figuresView(row: DayFiguresRow): DayFigures {
  const round = (value: number | null) => (value === null ? null : Math.round(value));
  return {
    issued: row.issued,
    waiting: row.waiting,
    served: row.served,
    noShow: row.no_show,
    averageWaitSeconds: round(row.average_wait),
    averageServiceSeconds: round(row.average_service),
  };
}
