import { describe, expect, it } from 'vitest';
import { compareForCall, countAhead, pickNext } from '../../src-shared/domain/queue-order';

const t = (id: string, priorityWeight: number, queuedAt: string, seq: number) => ({ id, priorityWeight, queuedAt, seq });

describe('queue ordering', () => {
  it('calls a higher priority before anyone who has waited longer', () => {
    const early = t('early', 0, '2025-11-26T06:00:00.000Z', 1);
    const urgent = t('urgent', 40, '2025-11-26T06:30:00.000Z', 9);
    expect(pickNext([early, urgent])?.id).toBe('urgent');
  });

  it('calls whoever has waited longest within one priority', () => {
    const later = t('later', 20, '2025-11-26T06:10:00.000Z', 2);
    const earlier = t('earlier', 20, '2025-11-26T06:05:00.000Z', 5);
    expect(pickNext([later, earlier])?.id).toBe('earlier');
  });

  it('breaks a tie of the same millisecond by the lower ticket number', () => {
    const at = '2025-11-26T06:10:00.000Z';
    expect(pickNext([t('b', 0, at, 8), t('a', 0, at, 7)])?.id).toBe('a');
  });

  it('answers null when nobody is waiting', () => {
    expect(pickNext([])).toBeNull();
  });

  it('sorts a whole line in calling order', () => {
    const line = [
      t('n1', 0, '2025-11-26T06:00:00.000Z', 1),
      t('e1', 20, '2025-11-26T06:20:00.000Z', 4),
      t('u1', 40, '2025-11-26T06:40:00.000Z', 6),
      t('e0', 20, '2025-11-26T06:10:00.000Z', 3),
      t('n2', 0, '2025-11-26T06:01:00.000Z', 2),
    ];
    expect([...line].sort(compareForCall).map((x) => x.id)).toEqual(['u1', 'e0', 'e1', 'n1', 'n2']);
  });

  it('counts the people ahead of a ticket as those who would be called first', () => {
    const mine = t('mine', 0, '2025-11-26T06:30:00.000Z', 5);
    const others = [
      t('before', 0, '2025-11-26T06:00:00.000Z', 1),
      t('after', 0, '2025-11-26T06:40:00.000Z', 6),
      t('priority', 30, '2025-11-26T06:50:00.000Z', 7),
    ];
    expect(countAhead(mine, others)).toBe(2);
  });
});
