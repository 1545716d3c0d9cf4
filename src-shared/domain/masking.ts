/**
 * How a sensitive value looks when it is not revealed: enough to tell two records apart at a glance
 * (the first and the last two characters), never enough to use. Masking happens in the service layer,
 * so a value that is not revealed never reaches the renderer.
 */
export const MASK_CHAR = '•';

/** `1234567889` → `1•••••••89`; passports keep the same shape (first and last two). */
export function maskNationalId(value: string): string {
  if (value.length <= 3) return MASK_CHAR.repeat(value.length);
  return `${value.slice(0, 1)}${MASK_CHAR.repeat(value.length - 3)}${value.slice(-2)}`;
}

/**
 * `+966512345612` → `+9665••••••12`, `0512345612` → `05••••••12`: the country and mobile prefix stay
 * (they say nothing about the person), the subscriber number is hidden but for its last two digits.
 */
export function maskPhone(value: string): string {
  const prefix = /^(\+9665|009665|9665|05)/.exec(value)?.[0] ?? '';
  const rest = value.slice(prefix.length);
  if (rest.length <= 2) return `${prefix}${MASK_CHAR.repeat(rest.length)}`;
  return `${prefix}${MASK_CHAR.repeat(rest.length - 2)}${rest.slice(-2)}`;
}

/** True for a value this module produced: the renderer shows a reveal button instead of checks on it. */
export function isMaskedValue(value: string | null): boolean {
  return value !== null && value.includes(MASK_CHAR);
}

export function maskNullable(value: string | null, mask: (v: string) => string): string | null {
  return value === null ? null : mask(value);
}
