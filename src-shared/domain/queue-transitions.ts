import type { TicketState } from './queue-services';

/**
 * What a desk may do to a ticket, by state. One table, read by the service (which refuses the rest)
 * and by the desk screen (which shows only the buttons that can work).
 *
 * Skip, chosen behaviour: a called visitor who does not come is first sent back to the queue, behind
 * the others of the same priority, so a visitor who stepped out is not lost; once the ticket has been
 * recalled RECALL_LIMIT times and still nobody came, skip records a no-show instead.
 */
export const QUEUE_ACTIONS = ['recall', 'start', 'finish', 'noShow', 'skip', 'transfer'] as const;
export type QueueAction = (typeof QUEUE_ACTIONS)[number];

/** Recalls (after the first call) before a skip counts as a no-show. */
export const RECALL_LIMIT = 2;

const ALLOWED: Readonly<Record<QueueAction, readonly TicketState[]>> = {
  recall: ['called'],
  start: ['called'],
  finish: ['serving'],
  noShow: ['called'],
  skip: ['called'],
  transfer: ['called', 'serving'],
};

export function canAct(action: QueueAction, state: TicketState): boolean {
  return ALLOWED[action].includes(state);
}

export type Transition =
  | { ok: true; to: TicketState }
  | { ok: false; reason: 'finished' | 'notAllowed' };

/** The state an action leads to, or why it is refused. Recall keeps the state (it only re-announces). */
export function transition(action: QueueAction, state: TicketState, recallCount: number): Transition {
  if (!canAct(action, state)) {
    const finished = state === 'done' || state === 'no_show' || state === 'transferred';
    return { ok: false, reason: finished ? 'finished' : 'notAllowed' };
  }
  switch (action) {
    case 'recall':
      return { ok: true, to: 'called' };
    case 'start':
      return { ok: true, to: 'serving' };
    case 'finish':
      return { ok: true, to: 'done' };
    case 'noShow':
      return { ok: true, to: 'no_show' };
    case 'skip':
      return { ok: true, to: recallCount >= RECALL_LIMIT ? 'no_show' : 'waiting' };
    case 'transfer':
      return { ok: true, to: 'transferred' };
  }
}
