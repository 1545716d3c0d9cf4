import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger } from '../../src-main/api/logger';
import { openRuntime, type Runtime } from '../../src-main/api/runtime';
import type { TransportContext } from '../../src-main/api/router';

export type BenchStore = {
  runtime: Runtime;
  /** The head-office branch made by the first-run setup. */
  branchId: string;
  /** Calls the API as the signed-in administrator, through the real router; throws on a refusal. */
  call<T = unknown>(method: string, input: unknown): Promise<T>;
  /** Closes the store and deletes its folder. */
  close(): Promise<void>;
};

/** A fresh store in a temp folder, set up and signed in as an administrator, for one benchmark. */
export async function openBenchStore(name: string): Promise<BenchStore> {
  const dir = mkdtempSync(join(tmpdir(), `mamen-bench-${name}-`));
  const runtime = await openRuntime({ storePath: join(dir, 'bench.sqlite'), storeKey: randomBytes(32), appVersion: 'bench', logger: createLogger({ level: 'silent' }) });
  let token: string | null = null;
  const transport: TransportContext = {
    transport: 'cli',
    get sessionToken() {
      return token;
    },
    setSessionToken: (t) => (token = t),
  };
  const call = async <T>(method: string, input: unknown): Promise<T> => {
    const result = await runtime.router.call(method, input, transport);
    if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message.en}`);
    return result.value as T;
  };
  await call('setup.initialise', {
    associationNameAr: 'جمعية مأمن',
    branch: { code: 'HQ', nameAr: 'المقر الرئيسي', city: 'جازان' },
    admin: { username: 'bench', displayName: 'Bench', password: 'benchmark-password' },
  });
  const { branches } = await call<{ branches: { id: string }[] }>('branches.list', {});
  return {
    runtime,
    branchId: branches[0]!.id,
    call,
    close: async () => {
      await runtime.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
