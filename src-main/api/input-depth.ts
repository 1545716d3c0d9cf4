/**
 * Deeper than any contract input goes (the deepest is about six levels). A client that sends more
 * is refused before validation: recursive schemas (z.json()) would otherwise recurse until the
 * stack overflows, and the call would end as an internal error instead of a clear refusal.
 */
export const MAX_INPUT_DEPTH = 32;

/** Whether a value nests arrays or objects deeper than `limit`; walked without recursion. */
export function nestedDeeperThan(value: unknown, limit: number = MAX_INPUT_DEPTH): boolean {
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  while (stack.length > 0) {
    const { value: current, depth } = stack.pop() as { value: unknown; depth: number };
    if (current === null || typeof current !== 'object') continue;
    if (depth >= limit) return true;
    for (const child of Object.values(current)) stack.push({ value: child, depth: depth + 1 });
  }
  return false;
}
