import { describe, expect, it } from 'vitest';
import { QUEUE_ACTIONS, RECALL_LIMIT, canAct, transition } from '../../src-shared/domain/queue-transitions';
import { TICKET_STATES } from '../../src-shared/domain/queue-services';

describe('ticket state transitions', () => {
  it('walks a visit from called to serving to done', () => {
    expect(transition('start', 'called', 0)).toEqual({ ok: true, to: 'serving' });
    expect(transition('finish', 'serving', 0)).toEqual({ ok: true, to: 'done' });
  });

  it('keeps a recalled ticket called', () => {
    expect(transition('recall', 'called', 1)).toEqual({ ok: true, to: 'called' });
  });

  it('sends a skipped ticket back to waiting until the recalls are used up, then records a no-show', () => {
    expect(transition('skip', 'called', 0)).toEqual({ ok: true, to: 'waiting' });
    expect(transition('skip', 'called', RECALL_LIMIT - 1)).toEqual({ ok: true, to: 'waiting' });
    expect(transition('skip', 'called', RECALL_LIMIT)).toEqual({ ok: true, to: 'no_show' });
  });

  it('transfers a called or served visitor', () => {
    expect(transition('transfer', 'called', 0)).toEqual({ ok: true, to: 'transferred' });
    expect(transition('transfer', 'serving', 0)).toEqual({ ok: true, to: 'transferred' });
  });

  it('refuses every action on a finished ticket, saying it is finished', () => {
    for (const state of ['done', 'no_show', 'transferred'] as const) {
      for (const action of QUEUE_ACTIONS) expect(transition(action, state, 0)).toEqual({ ok: false, reason: 'finished' });
    }
  });

  it('refuses to finish a ticket nobody started serving, or to serve one that was not called', () => {
    expect(transition('finish', 'called', 0)).toEqual({ ok: false, reason: 'notAllowed' });
    expect(transition('start', 'waiting', 0)).toEqual({ ok: false, reason: 'notAllowed' });
    expect(transition('noShow', 'serving', 0)).toEqual({ ok: false, reason: 'notAllowed' });
  });

  it('allows nothing on a waiting ticket: it must be called first', () => {
    expect(QUEUE_ACTIONS.filter((a) => canAct(a, 'waiting'))).toEqual([]);
    expect(TICKET_STATES).toContain('waiting');
  });
});
