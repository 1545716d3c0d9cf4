import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The head-office server in its own process (`npm run headoffice`'s entry), as it runs in the field
 * on its own machine: the desks of a benchmark talk to it over loopback HTTP and share no CPU time
 * or event loop with it. SQLite in `dir`, or PostgreSQL when a database URL is given.
 */

export type HeadOfficeProcess = {
  url: string;
  newCode(branchId: string, name: string): Promise<string>;
  /** CPU seconds the server process has used so far (Linux /proc; null elsewhere). */
  cpuSeconds(): number | null;
  close(): Promise<void>;
};

function processCpuSeconds(pid: number | undefined): number | null {
  try {
    // Fields 14 and 15 of /proc/<pid>/stat: user and system time in clock ticks (100 per second on Linux).
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

const entry = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'src-main', 'headoffice', 'server.ts');

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

export async function startHeadOfficeProcess(dir: string, databaseUrl: string | undefined): Promise<HeadOfficeProcess> {
  mkdirSync(dir, { recursive: true });
  const port = await freePort();
  const token = randomBytes(16).toString('hex');
  const env: NodeJS.ProcessEnv = {
    ...process.env, HEADOFFICE_STORE: join(dir, 'ho.sqlite'), HEADOFFICE_FILES_DIR: join(dir, 'files'), HEADOFFICE_HOST: '127.0.0.1',
    HEADOFFICE_PORT: String(port), HEADOFFICE_ADMIN_TOKEN: token, MAMEN_LOG_LEVEL: 'silent',
  };
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  else delete env.DATABASE_URL;
  // BENCH_PROFILE_DIR: the server writes a V8 CPU profile there when it exits (to see where its time goes).
  const profile = process.env.BENCH_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`] : [];
  const child = spawn(process.execPath, [...profile, '--import', 'tsx', entry], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  const url = `http://127.0.0.1:${port}`;
  for (let tries = 0; ; tries += 1) {
    if (child.exitCode !== null) throw new Error(`head office exited with ${child.exitCode}`);
    const up = await fetch(`${url}/health`).then((r) => r.ok, () => false);
    if (up) break;
    if (tries > 300) throw new Error('head office did not start');
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    newCode: async (branchId, name) => {
      const issue = () => fetch(`${url}/admin/devices`, {
        method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ branchId, name }),
      });
      // After minutes of seeding, the kept-alive connection may have just been closed by the server: ask again once.
      const response = await issue().catch(issue);
      return ((await response.json()) as { code: string }).code;
    },
    cpuSeconds: () => processCpuSeconds(child.pid),
    close: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
