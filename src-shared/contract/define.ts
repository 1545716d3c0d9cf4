import type { z } from 'zod';
import type { Role } from '../domain/roles';

/**
 * Who may call a method: anyone (`public`, e.g. sign-in), any signed-in user (`session`),
 * or the listed roles. The router enforces it; the renderer only uses it to hide what a user can't do.
 */
export type Access = 'public' | 'session' | readonly Role[];

export type MethodDefinition<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> = {
  input: I;
  output: O;
  access: Access;
  /** Writes something: runs in a write transaction and leaves an audit entry. */
  writes: boolean;
};

export function defineMethod<I extends z.ZodType, O extends z.ZodType>(
  def: MethodDefinition<I, O>,
): MethodDefinition<I, O> {
  return def;
}
