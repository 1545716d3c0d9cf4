import { describe, expect, it } from 'vitest';
import { currentStep, dataEditable, gateStep, INTERVIEW_STEPS, stepNumber } from '../../src-shared/domain/interview-steps';

describe('interview step gates', () => {
  it('follows the seven steps of the policy in order', () => {
    expect(INTERVIEW_STEPS).toHaveLength(7);
    expect(stepNumber('reception')).toBe(1);
    expect(stepNumber('service')).toBe(7);
  });

  it('opens the first step on a new interview', () => {
    expect(gateStep([], 'reception')).toEqual({ ok: true });
    expect(currentStep([])).toBe('reception');
  });

  it('refuses a step whose predecessor is not complete, naming the first missing one', () => {
    expect(gateStep(['reception'], 'attestation')).toEqual({ ok: false, reason: 'out_of_order', missing: 'data_verification' });
    expect(gateStep([], 'submission')).toEqual({ ok: false, reason: 'out_of_order', missing: 'reception' });
  });

  it('refuses completing a step twice', () => {
    expect(gateStep(['reception'], 'reception')).toEqual({ ok: false, reason: 'already_done' });
  });

  it('opens each step once all before it are done', () => {
    const done = ['reception', 'data_verification', 'referral'] as const;
    expect(gateStep(done, 'attestation')).toEqual({ ok: true });
    expect(currentStep(done)).toBe('attestation');
  });

  it('has no current step once all seven are done', () => {
    expect(currentStep(INTERVIEW_STEPS)).toBeNull();
  });

  it('locks the case data once the applicant has signed', () => {
    expect(dataEditable(['reception', 'data_verification', 'referral'])).toBe(true);
    expect(dataEditable(['reception', 'data_verification', 'referral', 'attestation'])).toBe(false);
  });
});
