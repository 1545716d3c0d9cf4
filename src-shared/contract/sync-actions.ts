import { z } from 'zod';
import { defineMethod } from './define';
import { Empty, Id } from './common';

/*
 * What a person (or the window) does to sync beyond "sync now": tell it the network is back, and
 * settle a change head office refused — send it again (after the cause was fixed there) or set it
 * aside for good. Both settlements are audited.
 */

export const ParkedAction = z.object({ changeId: Id });

export const syncActionMethods = {
  /** The window saw the network come back: sync now rather than wait out the backoff. */
  'sync.nudge': defineMethod({ input: Empty, output: z.object({ ok: z.literal(true) }), access: 'session', writes: false }),
  /** A change this desk sent and head office refused goes back into the outbox. */
  'sync.retryParked': defineMethod({ input: ParkedAction, output: z.object({ ok: z.literal(true) }), access: ['admin', 'manager'], writes: true }),
  /** A refused change is dropped from the list; it stays in this desk's own history and is never sent. */
  'sync.discardParked': defineMethod({ input: ParkedAction, output: z.object({ ok: z.literal(true) }), access: ['admin', 'manager'], writes: true }),
};
