import type { z } from 'zod';
import type { Contract, MethodName, ParsedInput } from '../../src-shared/contract';
import type { ServiceContext } from './context';

/** A use case: parsed input in, a value the method's output schema accepts out. */
export type Handler<M extends MethodName> = (
  ctx: ServiceContext,
  input: ParsedInput<M>,
) => Promise<z.input<Contract[M]['output']>>;

/** One handler per contract method; the compiler checks the table is complete (Actual's handler table). */
export type Handlers = { [M in MethodName]: Handler<M> };
