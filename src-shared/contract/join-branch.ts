import { z } from 'zod';
import { defineMethod } from './define';
import { requiredText } from './common';

/**
 * First run of another desk of an existing branch: instead of setting up a new association, the
 * desk trades an enrolment code from head office for its credential and pulls its branch (the
 * branch, its staff with their passwords, its beneficiaries and cases); staff then sign in as usual.
 */
export const joinBranchMethods = {
  'setup.join': defineMethod({
    input: z.object({
      serverUrl: z.url({ protocol: /^https?$/, error: 'validation.invalidFormat' }),
      code: requiredText(40),
    }),
    output: z.object({ branchName: z.string(), users: z.number().int(), pulled: z.number().int() }),
    access: 'public',
    // The network call must not hold the store's write lock: the service writes in its own transactions.
    writes: false,
  }),
};
