import { randomUUID } from 'node:crypto';
import { contract, isMethodName, type ParsedInput } from '../../src-shared/contract';
import { DomainError } from '../services/domain-error';
import { recoveryRestore, recoveryStatus } from '../services/recovery';
import type { StoreHost } from '../services/store-host';
import { apiError, domainErrorToApi, validationError } from './error-mapping';
import type { Logger } from './logger';
import type { Router } from './router';

/** Failed recovery sign-ins before the door closes for a while (the password is checked with scrypt too). */
const MAX_FAILURES = 5;
const LOCK_MINUTES = 5;

/**
 * The API while the store is damaged: only the recovery methods answer (their input and output
 * checked against the contract, as the normal router does); everything else says the store is damaged.
 */
export function createRecoveryRouter(deps: { storePath: string; key: Buffer | null; appVersion: string; logger: Logger; host: StoreHost; now: () => Date }): Router {
  let failures = 0;
  let lockedUntil = 0;

  async function answer(method: 'recovery.status' | 'recovery.restore', input: unknown, transport: Parameters<Router['call']>[2]): Promise<unknown> {
    if (method === 'recovery.status') return recoveryStatus(deps.storePath);
    const now = deps.now();
    if (now.getTime() < lockedUntil) throw new DomainError('ACCOUNT_LOCKED', 'error.accountLocked', { values: { minutes: LOCK_MINUTES } });
    try {
      const outcome = await recoveryRestore(
        { storePath: deps.storePath, key: deps.key, appVersion: deps.appVersion, host: deps.host, now, transport: transport.transport },
        input as ParsedInput<'recovery.restore'>,
      );
      deps.logger.warn({ backup: outcome.restored.name }, 'store restored from a backup in recovery mode');
      return outcome;
    } catch (error) {
      if (error instanceof DomainError && error.code === 'INVALID_CREDENTIALS' && ++failures >= MAX_FAILURES) {
        failures = 0;
        lockedUntil = now.getTime() + LOCK_MINUTES * 60_000;
      }
      throw error;
    }
  }

  return {
    runJob: async () => 0,
    async call(method, rawInput, transport) {
      if (typeof method !== 'string' || !isMethodName(method)) return { ok: false, error: apiError('UNKNOWN_METHOD', 'error.unknownMethod') };
      if (method !== 'recovery.status' && method !== 'recovery.restore') return { ok: false, error: apiError('CONFLICT', 'error.storeDamaged') };
      const parsed = contract[method].input.safeParse(rawInput ?? {});
      if (!parsed.success) return { ok: false, error: validationError(parsed.error.issues) };
      try {
        const output = await answer(method, parsed.data, transport);
        return { ok: true, value: contract[method].output.parse(output) };
      } catch (error) {
        if (error instanceof DomainError) return { ok: false, error: domainErrorToApi(error) };
        const ref = randomUUID().slice(0, 8);
        deps.logger.error({ method, ref, err: error instanceof Error ? error.message : String(error) }, 'recovery call failed');
        return { ok: false, error: apiError('INTERNAL', 'error.internal', { ref }) };
      }
    },
  };
}
