import type { Handlers } from './handler-types';
import { authHandlers } from './auth';
import { beneficiaryHandlers } from './beneficiaries';
import { householdHandlers } from './household';
import { importHandlers } from './imports';
import { setupHandlers } from './setup';
import { systemHandlers } from './system';
import { userHandlers } from './users';

/** Every contract method's use case. A missing or extra entry is a compile error. */
export const handlers: Handlers = {
  ...setupHandlers,
  ...authHandlers,
  ...userHandlers,
  ...beneficiaryHandlers,
  ...householdHandlers,
  ...systemHandlers,
  ...importHandlers,
};
