import { describe, expect, it } from 'vitest';
import { schemaPolicy, schemaRefusal } from '../../src-main/headoffice/schema-gate';

describe('which desk schemas head office accepts', () => {
  const policy = schemaPolicy(12, 10);

  it('accepts desks from the minimum up to its own version', () => {
    expect([10, 11, 12].map((v) => schemaRefusal(policy, String(v)))).toEqual([null, null, null]);
  });

  it('tells an older desk to update, and a newer one that head office must update first', () => {
    expect(schemaRefusal(policy, '9')).toEqual({ error: 'update_required', serverSchemaVersion: 12, minDeskSchemaVersion: 10 });
    expect(schemaRefusal(policy, '13')).toEqual({ error: 'server_outdated', serverSchemaVersion: 12, minDeskSchemaVersion: 10 });
  });

  it('treats a missing or garbled version as too old', () => {
    for (const header of [undefined, '', 'twelve', '11.5']) expect(schemaRefusal(policy, header)?.error).toBe('update_required');
  });

  it('defaults the minimum to its own version and refuses a minimum it could never serve', () => {
    expect(schemaPolicy(12, undefined)).toEqual({ serverSchemaVersion: 12, minDeskSchemaVersion: 12 });
    expect(() => schemaPolicy(12, 13)).toThrow(/between 1 and 12/);
    expect(() => schemaPolicy(12, 0)).toThrow();
  });
});
