import { describe, expect, it } from 'vitest';
import { checkTransition, isFinalState, manualNextStates, nextStates, REQUEST_STATES } from '../../src-shared/domain/request-state';

describe('support request state machine', () => {
  it('lets reception submit a draft', () => {
    expect(checkTransition('draft', 'submitted', 'reception')).toEqual({ ok: true });
  });

  it('lets the researcher take a submitted request under study, not reception', () => {
    expect(checkTransition('submitted', 'under_study', 'researcher')).toEqual({ ok: true });
    expect(checkTransition('submitted', 'under_study', 'reception')).toEqual({ ok: false, reason: 'role' });
  });

  it('lets only the committee (or a manager) decide', () => {
    expect(checkTransition('under_study', 'decided_accepted', 'committee')).toEqual({ ok: true });
    expect(checkTransition('under_study', 'decided_rejected', 'manager')).toEqual({ ok: true });
    expect(checkTransition('under_study', 'decided_accepted', 'researcher')).toEqual({ ok: false, reason: 'role' });
  });

  it('refuses skipping the study: submitted cannot be decided directly', () => {
    expect(checkTransition('submitted', 'decided_accepted', 'committee')).toEqual({ ok: false, reason: 'not_allowed' });
  });

  it('refuses delivering a rejected request', () => {
    expect(checkTransition('decided_rejected', 'delivered', 'manager')).toEqual({ ok: false, reason: 'not_allowed' });
  });

  it('never moves back to draft', () => {
    for (const from of REQUEST_STATES) expect(checkTransition(from, 'draft', 'admin').ok).toBe(false);
  });

  it('treats closed as final', () => {
    expect(isFinalState('closed')).toBe(true);
    expect(nextStates('closed', 'manager')).toEqual([]);
    expect(isFinalState('delivered')).toBe(false);
  });

  it('offers each role only the moves it may make', () => {
    expect(nextStates('under_study', 'committee').sort()).toEqual(['decided_accepted', 'decided_rejected']);
    expect(nextStates('under_study', 'reception')).toEqual([]);
    expect(nextStates('decided_accepted', 'reception')).toEqual(['delivered']);
  });

  it('leaves to their own records the states a bare change of state may not reach', () => {
    expect(manualNextStates('under_study', 'committee')).toEqual([]);
    expect(manualNextStates('decided_accepted', 'reception')).toEqual([]);
    expect(manualNextStates('draft', 'reception')).toEqual(['closed']);
    expect(manualNextStates('decided_accepted', 'manager')).toEqual(['closed']);
  });
});
