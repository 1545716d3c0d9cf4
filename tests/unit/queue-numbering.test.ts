import { describe, expect, it } from 'vitest';
import { QUEUE_SERVICES, formatTicketNumber, queueDay, servicePrefix } from '../../src-shared/domain/queue-services';

describe('ticket numbering', () => {
  it('writes the service prefix and a three-digit counter', () => {
    expect(formatTicketNumber('A', 14)).toBe('A-014');
    expect(formatTicketNumber('R', 1)).toBe('R-001');
  });

  it('widens the number past 999 instead of wrapping it', () => {
    expect(formatTicketNumber('B', 1000)).toBe('B-1000');
  });

  it('gives every service its own prefix letter', () => {
    const prefixes = QUEUE_SERVICES.map((s) => s.prefix);
    expect(new Set(prefixes).size).toBe(prefixes.length);
    expect(servicePrefix('new_request')).toBe('A');
    expect(servicePrefix('researcher')).toBe('R');
  });

  it('counts the day in Riyadh: 23:59 local is still today, 00:00 local is tomorrow', () => {
    expect(queueDay(new Date('2025-11-26T20:59:59.000Z'))).toBe('2025-11-26');
    expect(queueDay(new Date('2025-11-26T21:00:00.000Z'))).toBe('2025-11-27');
    expect(queueDay(new Date('2025-12-31T21:30:00.000Z'))).toBe('2026-01-01');
  });
});
