import { z } from 'zod';
import { defineMethod } from './define';
import { Empty, Ok } from './common';

/** The idle lock: minutes without input before a desk locks; an admin may set 1 to 240. */
export const DEFAULT_IDLE_LOCK_MINUTES = 15;
export const IdleLockMinutes = z
  .number({ error: 'validation.idleLockMinutes' })
  .int({ error: 'validation.idleLockMinutes' })
  .min(1, { error: 'validation.idleLockMinutes' })
  .max(240, { error: 'validation.idleLockMinutes' });

export const sessionLockMethods = {
  /** Locks this session now: idle time ran out, or the user chose "lock now". */
  'auth.lock': defineMethod({
    input: z.object({ reason: z.enum(['idle', 'manual'], { error: 'validation.invalidChoice' }) }).strict(),
    output: Ok,
    access: 'session',
    writes: true,
  }),
  /** The user's own password unlocks; wrong ones count toward the sign-in lockout. */
  'auth.unlock': defineMethod({
    input: z.object({ password: z.string().min(1, { error: 'validation.required' }).max(200) }).strict(),
    output: Ok,
    access: 'session',
    writes: true,
  }),
  'auth.idleLock': defineMethod({ input: Empty, output: z.object({ minutes: z.number().int() }), access: 'session', writes: false }),
  'auth.setIdleLock': defineMethod({ input: z.object({ minutes: IdleLockMinutes }).strict(), output: z.object({ minutes: z.number().int() }), access: ['admin'], writes: true }),
};
