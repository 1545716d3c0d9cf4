import { z } from 'zod';
import { defineMethod } from './define';
import { Id, requiredText } from './common';
import { CommitteeCase } from './committee';
import { PngBase64 } from './forms';

/** Service delivery (policy step 7): handing over what the committee accepted, signed by the beneficiary. */
export const deliveryMethods = {
  'delivery.record': defineMethod({
    input: z.object({
      requestId: Id,
      amount: z.number({ error: 'validation.required' }).int({ error: 'validation.invalidType' }).min(1, { error: 'validation.amountPositive' }).max(1_000_000, { error: 'validation.tooLarge' }),
      items: z.array(z.object({ description: requiredText(200), quantity: z.string().trim().max(40, { error: 'validation.tooLong' }).nullish().transform((v) => v || null) })).min(1, { error: 'validation.required' }).max(30),
      place: requiredText(200),
      signerName: requiredText(160),
      signaturePngBase64: PngBase64,
    }).strict(),
    output: CommitteeCase,
    access: ['reception', 'manager'],
    writes: true,
  }),
};
