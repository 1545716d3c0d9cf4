import { describe, expect, it } from 'vitest';
import { canTake, isOverdue, statusAfter } from '../../src-shared/domain/complaint-flow';

describe('the complaint flow', () => {
  it('goes received → acknowledged → assigned → answered → closed, and not backwards', () => {
    expect(canTake('acknowledge', 'received')).toBe(true);
    expect(canTake('answer', 'received')).toBe(false);
    expect(canTake('answer', 'assigned')).toBe(true);
    expect(canTake('close', 'assigned')).toBe(false);
    expect(canTake('close', 'answered')).toBe(true);
    expect(canTake('acknowledge', 'closed')).toBe(false);
    expect(statusAfter('close')).toBe('closed');
  });

  it('is overdue only while unanswered and past its response day', () => {
    expect(isOverdue('assigned', '2026-03-05', '2026-03-06')).toBe(true);
    expect(isOverdue('assigned', '2026-03-05', '2026-03-05')).toBe(false);
    expect(isOverdue('answered', '2026-03-05', '2026-03-09')).toBe(false);
  });
});
