/**
 * The documents rule: a request may go to the committee only when every document its type
 * requires has been seen and verified by the desk. Optional documents never block.
 */
export type DocumentRequirement = { code: string; required: boolean };
export type DocumentStatus = { code: string; seen: boolean; verified: boolean };

export type DocumentShortfall = { code: string; problem: 'missing' | 'unverified' };

export function documentShortfalls(
  requirements: readonly DocumentRequirement[],
  statuses: readonly DocumentStatus[],
): DocumentShortfall[] {
  const byCode = new Map(statuses.map((s) => [s.code, s]));
  const shortfalls: DocumentShortfall[] = [];
  for (const requirement of requirements) {
    if (!requirement.required) continue;
    const status = byCode.get(requirement.code);
    if (!status || !status.seen) shortfalls.push({ code: requirement.code, problem: 'missing' });
    else if (!status.verified) shortfalls.push({ code: requirement.code, problem: 'unverified' });
  }
  return shortfalls;
}

export function documentsComplete(
  requirements: readonly DocumentRequirement[],
  statuses: readonly DocumentStatus[],
): boolean {
  return documentShortfalls(requirements, statuses).length === 0;
}
