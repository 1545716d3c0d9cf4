import type { Role } from './roles';

/**
 * The life of a support request, as the policy names it: drafted at the desk, submitted to the
 * research committee, studied, decided (accepted or rejected), then delivered or closed.
 */
export const REQUEST_STATES = [
  'draft',
  'submitted',
  'under_study',
  'decided_accepted',
  'decided_rejected',
  'delivered',
  'closed',
] as const;
export type RequestState = (typeof REQUEST_STATES)[number];

type Transition = { from: RequestState; to: RequestState; roles: readonly Role[] };

/** Who may move a request along which edge. Anything not listed is refused. */
export const REQUEST_TRANSITIONS: readonly Transition[] = [
  { from: 'draft', to: 'submitted', roles: ['reception', 'researcher', 'manager', 'admin'] },
  { from: 'draft', to: 'closed', roles: ['reception', 'researcher', 'manager', 'admin'] },
  { from: 'submitted', to: 'under_study', roles: ['researcher', 'committee', 'manager'] },
  { from: 'under_study', to: 'decided_accepted', roles: ['committee', 'manager'] },
  { from: 'under_study', to: 'decided_rejected', roles: ['committee', 'manager'] },
  { from: 'decided_accepted', to: 'delivered', roles: ['reception', 'manager'] },
  { from: 'decided_accepted', to: 'closed', roles: ['committee', 'manager'] },
  { from: 'decided_rejected', to: 'closed', roles: ['committee', 'manager'] },
  { from: 'delivered', to: 'closed', roles: ['reception', 'committee', 'manager'] },
];

export type TransitionCheck = { ok: true } | { ok: false; reason: 'not_allowed' | 'role' };

/** Whether `role` may move a request from `from` to `to`: the edge must exist, then the role must hold it. */
export function checkTransition(from: RequestState, to: RequestState, role: Role): TransitionCheck {
  const edge = REQUEST_TRANSITIONS.find((t) => t.from === from && t.to === to);
  if (!edge) return { ok: false, reason: 'not_allowed' };
  return edge.roles.includes(role) ? { ok: true } : { ok: false, reason: 'role' };
}

/** The states a role may move a request to from where it is now (for buttons on a screen). */
export function nextStates(from: RequestState, role: Role): RequestState[] {
  return REQUEST_TRANSITIONS.filter((t) => t.from === from && t.roles.includes(role)).map((t) => t.to);
}

/**
 * States a request reaches only with the record that justifies them: the signed submission from the
 * interview, the committee's decision, the delivery with its acknowledgement. A bare state change
 * (requests.transition) may not take a request there, or it would stand decided with no decision.
 */
export const RECORD_DRIVEN_STATES: Readonly<Partial<Record<RequestState, 'interview' | 'committee' | 'delivery'>>> = {
  submitted: 'interview',
  decided_accepted: 'committee',
  decided_rejected: 'committee',
  delivered: 'delivery',
};

/** The moves a person makes by hand (the request screen's buttons): the role's edges minus record-driven targets. */
export function manualNextStates(from: RequestState, role: Role): RequestState[] {
  return nextStates(from, role).filter((to) => !RECORD_DRIVEN_STATES[to]);
}

/** Final states: nothing moves out of them. */
export function isFinalState(state: RequestState): boolean {
  return !REQUEST_TRANSITIONS.some((t) => t.from === state);
}
