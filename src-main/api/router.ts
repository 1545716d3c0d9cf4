import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { contract, isMethodName, type MethodName } from '../../src-shared/contract';
import type { Access } from '../../src-shared/contract/define';
import type { ApiError, ApiResult } from '../../src-shared/contract/errors';
import type { Database } from '../store/schema';
import type { Store } from '../store/db';
import type { HlcClock } from '../store/hlc-clock';
import { appendAudit } from '../store/audit-log';
import { DomainError } from '../services/domain-error';
import type { Actor, AuditSubject, ServiceContext } from '../services/context';
import { handlers } from '../services/handlers';
import type { Handler } from '../services/handler-types';
import { resolveSession } from '../services/sessions';
import { apiError, domainErrorToApi, validationError } from './error-mapping';
import { nestedDeeperThan } from './input-depth';
import type { Logger } from './logger';

/** What a transport knows about its caller: which door, and the caller's session token if any. */
export type TransportContext = {
  transport: 'ipc' | 'http' | 'cli' | 'job';
  sessionToken: string | null;
  setSessionToken(token: string | null): void;
};

export type Router = {
  call(method: string, input: unknown, transport: TransportContext): Promise<ApiResult<unknown>>;
  /**
   * Runs a scheduled job of the install itself (no user): one transaction, one audit row
   * `job.<name>` with the count it returns, as any write through the router.
   */
  runJob(name: string, job: (ctx: ServiceContext) => Promise<number>): Promise<number>;
};

export type RouterDeps = {
  store: Store;
  clock: HlcClock;
  appVersion: string;
  logger: Logger;
  now?: () => Date;
};

/** While a user must replace an admin-set password, only these methods answer. */
const ALLOWED_BEFORE_PASSWORD_CHANGE = new Set<MethodName>([
  'auth.me', 'auth.logout', 'auth.changePassword', 'setup.status', 'system.status',
]);

/**
 * While a session is locked (idle or "lock now"), only these answer; everything else waits for the
 * password. Signing in afresh is sign-out then sign-in in one step: it ends the locked session.
 */
const ALLOWED_WHILE_LOCKED = new Set<MethodName>(['auth.me', 'auth.login', 'auth.logout', 'auth.lock', 'auth.unlock', 'setup.status']);

function accessError(access: Access, actor: Actor | null, method: MethodName): ApiError | null {
  if (actor?.locked && !ALLOWED_WHILE_LOCKED.has(method)) return apiError('SESSION_LOCKED', 'error.sessionLocked');
  if (access === 'public') return null;
  if (!actor) return apiError('UNAUTHENTICATED', 'error.unauthenticated');
  if (actor.mustChangePassword && !ALLOWED_BEFORE_PASSWORD_CHANGE.has(method)) return apiError('FORBIDDEN', 'error.forbidden');
  if (access === 'session') return null;
  return access.includes(actor.role) ? null : apiError('FORBIDDEN', 'error.forbidden');
}

/**
 * The one door of the API: method lookup, session, role, input validation, the use case in one
 * transaction with its audit entry, output validation, and every failure in the one error shape.
 */
export function createRouter(deps: RouterDeps): Router {
  const { store, clock, logger } = deps;
  const now = deps.now ?? (() => new Date());

  function context(
    db: Kysely<Database> | Transaction<Database>,
    actor: Actor | null,
    at: Date,
    transport: TransportContext,
    subject: { value: AuditSubject | null },
  ): ServiceContext {
    let hlc: string | null = null;
    const stamp = () => {
      hlc ??= clock.next();
      return { hlc, now: at.toISOString(), userId: actor?.id ?? null };
    };
    return {
      db,
      actor,
      now: at,
      stamp,
      observeHlc: (remote) => clock.observe(remote),
      describe: (s) => {
        subject.value = s;
      },
      auditExtra: (action, s) =>
        appendAudit(db, {
          branchId: actor?.branchId ?? null,
          userId: actor?.id ?? null,
          action,
          entity: s.entity,
          entityId: s.entityId,
          detail: s.detail ?? null,
          at: at.toISOString(),
          hlc: clock.next(),
        }),
      setSessionToken: (token) => transport.setSessionToken(token),
      transport: transport.transport,
      store: { path: store.path, schemaVersion: store.schemaVersion, key: store.key },
      appVersion: deps.appVersion,
    };
  }

  async function run(method: MethodName, input: unknown, actor: Actor | null, transport: TransportContext): Promise<unknown> {
    const definition = contract[method];
    // The handler table is keyed by the same names as the contract; indexing by a union loses the pairing.
    const handler = handlers[method] as Handler<MethodName>;
    const at = now();
    const subject: { value: AuditSubject | null } = { value: null };
    if (!definition.writes) return handler(context(store.db, actor, at, transport, subject), input as never);

    let refusal: DomainError | null = null;
    const output = await store.db.transaction().execute(async (trx) => {
      const ctx = context(trx, actor, at, transport, subject);
      let result: unknown = null;
      try {
        result = await handler(ctx, input as never);
      } catch (error) {
        if (!(error instanceof DomainError && error.options.commitWork)) throw error;
        refusal = error;
      }
      if (!refusal) {
        await appendAudit(trx, {
          branchId: actor?.branchId ?? null,
          userId: actor?.id ?? (subject.value?.entity === 'user' ? subject.value.entityId : null),
          action: method,
          entity: subject.value?.entity ?? null,
          entityId: subject.value?.entityId ?? null,
          detail: subject.value?.detail ?? null,
          at: at.toISOString(),
          hlc: clock.next(),
        });
      }
      return result;
    });
    if (refusal) throw refusal;
    return output;
  }

  const jobTransport: TransportContext = { transport: 'job', sessionToken: null, setSessionToken: () => undefined };

  return {
    async runJob(name, job) {
      const at = now();
      return store.db.transaction().execute(async (trx) => {
        const count = await job(context(trx, null, at, jobTransport, { value: null }));
        await appendAudit(trx, {
          branchId: null,
          userId: null,
          action: `job.${name}`,
          entity: null,
          entityId: null,
          detail: { count },
          at: at.toISOString(),
          hlc: clock.next(),
        });
        return count;
      });
    },

    async call(methodName, rawInput, transport) {
      if (typeof methodName !== 'string' || !isMethodName(methodName)) {
        return { ok: false, error: apiError('UNKNOWN_METHOD', 'error.unknownMethod') };
      }
      const method = methodName;
      const definition = contract[method];
      try {
        const actor = await resolveSession(store.db, transport.sessionToken, now());
        const denied = accessError(definition.access, actor, method);
        if (denied) {
          if (denied.code === 'FORBIDDEN') logger.warn({ method, userId: actor?.id, role: actor?.role }, 'call refused: role');
          return { ok: false, error: denied };
        }
        if (nestedDeeperThan(rawInput)) return { ok: false, error: validationError([{ code: 'custom', path: [], message: 'validation.tooDeep', input: undefined }]) };
        const parsed = definition.input.safeParse(rawInput ?? {});
        if (!parsed.success) return { ok: false, error: validationError(parsed.error.issues) };
        const output = await run(method, parsed.data, actor, transport);
        const checked = definition.output.safeParse(output);
        if (!checked.success) {
          const ref = randomUUID().slice(0, 8);
          logger.error({ method, ref, issues: checked.error.issues.map((i) => i.path.join('.')) }, 'output does not match the contract');
          return { ok: false, error: apiError('INTERNAL', 'error.internal', { ref }) };
        }
        return { ok: true, value: checked.data };
      } catch (error) {
        if (error instanceof DomainError) {
          if (error.code === 'OUT_OF_SCOPE') logger.warn({ method, code: error.code }, 'call refused: branch scope');
          return { ok: false, error: domainErrorToApi(error) };
        }
        const ref = randomUUID().slice(0, 8);
        logger.error({ method, ref, err: error instanceof Error ? { name: error.name, message: error.message, stack: error.stack } : String(error) }, 'method failed');
        return { ok: false, error: apiError('INTERNAL', 'error.internal', { ref }) };
      }
    },
  };
}
