import { z } from 'zod';
import { checkNationalId } from '../domain/national-id';
import { normaliseSaudiMobile } from '../domain/phone';
import { parseDateInput } from '../domain/calendar';

/** Device-made UUIDv7 (any RFC 9562 UUID is accepted so rows from other installs still parse). */
export const Id = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, {
  error: 'validation.invalidFormat',
});

const ARABIC_NAME = /^[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF\s'-]+$/;

export function requiredText(max: number) {
  return z
    .string({ error: 'validation.required' })
    .trim()
    .min(1, { error: 'validation.required' })
    .max(max, { error: 'validation.tooLong' });
}

export function optionalText(max: number) {
  return z
    .string()
    .trim()
    .max(max, { error: 'validation.tooLong' })
    .nullish()
    .transform((v) => (v ? v : null));
}

export const ArabicNamePart = requiredText(40).refine((v) => ARABIC_NAME.test(v), {
  error: 'validation.arabicName',
});

/** A national ID or iqama number: checksum verified; Arabic-Indic digits accepted and stored as Latin. */
export const NationalIdNumber = z.string({ error: 'validation.required' }).transform((raw, ctx) => {
  const check = checkNationalId(raw);
  if (!check.ok) {
    ctx.addIssue({ code: 'custom', message: `validation.nationalId.${check.reason}` });
    return z.NEVER;
  }
  return check.value;
});

/** A Saudi mobile in any usual spelling, stored as E.164. */
export const SaudiMobile = z.string({ error: 'validation.required' }).transform((raw, ctx) => {
  const e164 = normaliseSaudiMobile(raw);
  if (!e164) {
    ctx.addIssue({ code: 'custom', message: 'validation.phone' });
    return z.NEVER;
  }
  return e164;
});

export const OptionalSaudiMobile = z
  .string()
  .nullish()
  .transform((raw, ctx) => {
    if (raw === null || raw === undefined || raw.trim() === '') return null;
    const e164 = normaliseSaudiMobile(raw);
    if (!e164) {
      ctx.addIssue({ code: 'custom', message: 'validation.phone' });
      return z.NEVER;
    }
    return e164;
  });

/** A past date typed in either calendar (Hijri years ≤ 1500), stored as a Gregorian ISO date. */
export const PastDate = z.string({ error: 'validation.required' }).transform((raw, ctx) => {
  const parsed = parseDateInput(raw);
  if (!parsed.ok) {
    ctx.addIssue({ code: 'custom', message: 'validation.date' });
    return z.NEVER;
  }
  const today = new Date().toISOString().slice(0, 10);
  if (parsed.iso > today) {
    ctx.addIssue({ code: 'custom', message: 'validation.dateInFuture' });
    return z.NEVER;
  }
  if (parsed.iso < '1900-01-01') {
    ctx.addIssue({ code: 'custom', message: 'validation.dateTooOld' });
    return z.NEVER;
  }
  return parsed.iso;
});

export const OptionalPastDate = z
  .string()
  .nullish()
  .transform((raw, ctx) => {
    if (raw === null || raw === undefined || raw.trim() === '') return null;
    const result = PastDate.safeParse(raw);
    if (!result.success) {
      for (const issue of result.error.issues) ctx.addIssue({ code: 'custom', message: issue.message });
      return z.NEVER;
    }
    return result.data;
  });

export const IsoDateTime = z.string();
export const Empty = z.object({}).strict();
export const Ok = z.object({ ok: z.literal(true) });
