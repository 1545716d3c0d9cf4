import { evaluateClocks } from '../services/committee-clocks';
import { evaluateOutreach } from '../services/outreach';
import { scheduledBackup } from '../services/backups';
import { runRetention } from '../services/privacy-retention';
import type { Logger } from './logger';
import type { Router } from './router';

/** Every five minutes, and shortly after start: no deadline passes unnoticed because nobody opened the board. */
export const JOB_INTERVAL_MS = 5 * 60_000;
const FIRST_RUN_DELAY_MS = 15_000;

/** The install's own periodic work: the committee clock's warnings and escalations, and the outreach list. */
export const JOBS = {
  'committee.clocks': evaluateClocks,
  'outreach.evaluate': evaluateOutreach,
  /** Once a day, to the folder the admin chose; rotated 7 daily, 4 weekly, 12 monthly. */
  'backups.daily': scheduledBackup,
  'privacy.retention': runRetention,
} as const;

export async function runJobsOnce(router: Router, logger: Logger): Promise<void> {
  for (const [name, job] of Object.entries(JOBS)) {
    try {
      const count = await router.runJob(name, job);
      if (count > 0) logger.info({ job: name, count }, 'job created records');
    } catch (error) {
      logger.error({ job: name, err: error instanceof Error ? error.message : String(error) }, 'job failed');
    }
  }
}

/** Starts the timer; the returned function stops it. Timers don't keep the process alive. */
export function startBackgroundJobs(router: Router, logger: Logger): () => void {
  let running = false;
  const tick = () => {
    if (running) return;
    running = true;
    void runJobsOnce(router, logger).finally(() => {
      running = false;
    });
  };
  const first = setTimeout(tick, FIRST_RUN_DELAY_MS);
  const every = setInterval(tick, JOB_INTERVAL_MS);
  first.unref();
  every.unref();
  return () => {
    clearTimeout(first);
    clearInterval(every);
  };
}
