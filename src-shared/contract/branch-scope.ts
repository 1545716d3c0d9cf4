import type { MethodName } from './index';

/**
 * Which records a method reaches, beside who may call it (`access`): the services enforce it, this
 * table says it, and docs/roles.md is generated from both. An area takes its default; a method
 * that differs from its area says so. A method of a new area has no scope until one is declared
 * here, and the role-table test fails until then.
 */
export type MethodScope = 'branch' | 'ownBranch' | 'association' | 'caller' | 'install';

/** What each scope means, in the words of docs/roles.md. */
export const SCOPE_MEANINGS: Record<MethodScope, string> = {
  branch: "the caller's branch; every branch for a user whose branch scope is 'all'",
  ownBranch: "always the caller's own branch, whatever their branch scope (desk work)",
  association: 'the whole association: catalogues, settings, users and branches',
  caller: "the caller's own session or account",
  install: 'this install: its store, backups and sync with head office',
};

const AREA_SCOPES: Record<string, MethodScope> = {
  setup: 'install',
  recovery: 'install',
  auth: 'caller',
  users: 'association',
  branches: 'association',
  beneficiaries: 'branch',
  household: 'branch',
  system: 'install',
  audit: 'branch',
  backups: 'install',
  imports: 'ownBranch',
  requests: 'branch',
  attachments: 'branch',
  interviews: 'branch',
  referrals: 'branch',
  queue: 'ownBranch',
  contacts: 'branch',
  knowledge: 'association',
  timeline: 'branch',
  forms: 'branch',
  sync: 'install',
  committee: 'branch',
  notifications: 'branch',
  delivery: 'branch',
  surveys: 'branch',
  outreach: 'branch',
  complaints: 'branch',
  reports: 'branch',
  privacy: 'branch',
};

const METHOD_EXCEPTIONS: Partial<Record<MethodName, MethodScope>> = {
  // The chain is one for the whole store: verifying it reads every row.
  'audit.verify': 'install',
  'requests.types': 'association',
  'requests.clockSettings': 'association',
  'requests.setClockSettings': 'association',
  'queue.setPriorities': 'association',
  'queue.board': 'branch',
  'queue.waitForBoardChange': 'branch',
  'committee.checkClocks': 'association',
  'surveys.mine': 'ownBranch',
  'outreach.rules': 'association',
  'outreach.saveRule': 'association',
  'outreach.seasons': 'association',
  'outreach.saveSeason': 'association',
  'outreach.evaluate': 'association',
  'complaints.assignees': 'ownBranch',
  'complaints.settings': 'association',
  'complaints.setSettings': 'association',
  'privacy.retentionSettings': 'install',
  'privacy.saveRetentionSettings': 'install',
};

/** The declared scope of a method, or null when its area has none yet (the test names it). */
export function methodScope(method: MethodName): MethodScope | null {
  return METHOD_EXCEPTIONS[method] ?? AREA_SCOPES[method.split('.')[0] ?? ''] ?? null;
}
