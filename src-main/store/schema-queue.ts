import type { Travelling } from './schema-travelling';

/** Row types of the reception queue: desks, tickets and their events (migration 0002). */

export type QueuePrioritiesTable = { code: string; weight: number; sort_order: number; active: number };

export type DesksTable = Travelling & {
  number: number;
  name: string;
  services: string;
  active: number;
};

export type TicketsTable = Travelling & {
  service_day: string;
  service_code: string;
  prefix: string;
  seq: number;
  number: string;
  priority_code: string;
  priority_weight: number;
  state: string;
  beneficiary_id: string | null;
  desk_id: string | null;
  target_desk_id: string | null;
  transferred_from_id: string | null;
  issued_at: string;
  queued_at: string;
  called_at: string | null;
  serving_at: string | null;
  finished_at: string | null;
  recall_count: number;
  wait_seconds: number | null;
  service_seconds: number | null;
  issued_by: string | null;
};

export type TicketEventsTable = Travelling & {
  ticket_id: string;
  event: string;
  from_state: string | null;
  to_state: string;
  desk_id: string | null;
  user_id: string | null;
  service_day: string;
  at: string;
};

/* Contact log and knowledge base (migration 0004). */
