import { CLOCK_MODES, DEFAULT_COMMITTEE_CLOCK, type ClockMode, type CommitteeClock } from '../../src-shared/domain/committee-clock';
import type { ServiceContext } from './context';
import { readRequestSettings, writeRequestSetting } from '../store/requests';

/*
 * The committee deadline is an install setting (the association may shorten it or count working
 * days). Kept in the settings table under these keys; a missing value means the policy's 14 days.
 */
const DAYS_KEY = 'committee_clock_days';
const MODE_KEY = 'committee_clock_mode';

function isClockMode(value: string): value is ClockMode {
  return (CLOCK_MODES as readonly string[]).includes(value);
}

export async function readCommitteeClock(ctx: ServiceContext): Promise<CommitteeClock> {
  const values = await readRequestSettings(ctx.db, [DAYS_KEY, MODE_KEY]);
  const days = Number(values.get(DAYS_KEY));
  const mode = values.get(MODE_KEY) ?? '';
  return {
    days: Number.isInteger(days) && days > 0 ? days : DEFAULT_COMMITTEE_CLOCK.days,
    mode: isClockMode(mode) ? mode : DEFAULT_COMMITTEE_CLOCK.mode,
  };
}

export async function writeCommitteeClock(ctx: ServiceContext, clock: CommitteeClock): Promise<void> {
  await writeRequestSetting(ctx.db, DAYS_KEY, String(clock.days));
  await writeRequestSetting(ctx.db, MODE_KEY, clock.mode);
}
