import { uuidv7 } from 'uuidv7';
import type { SeasonView } from '../../src-shared/contract/outreach';
import { riyadhDay } from '../../src-shared/domain/committee-clock';
import type { ContactChannel } from '../../src-shared/domain/contact-channels';
import { addDays, taskKey } from '../../src-shared/domain/outreach-rules';
import {
  dueOccurrence,
  schoolAgeBirthRange,
  type Season,
  type SeasonCalendar,
  type SeasonEligibility,
  type SeasonRule,
} from '../../src-shared/domain/outreach-seasons';
import { eligibleHouseholds, findSeason, listSeasons, upsertSeason, type OutreachSeasonRow } from '../store/outreach-seasons';
import { seasonTaskHouseholds, UNDONE_TASK } from '../store/outreach';
import { insertTravellingMany, type WriteStamp } from '../store/row-writer';
import type { Handlers } from './handler-types';
import type { ServiceContext } from './context';

/** What each programme's call is about, as the contact log's subject line says it. */
export const SEASON_SUBJECTS: Readonly<Record<Season, string>> = {
  ramadan: 'برنامج شهر رمضان',
  eid_al_fitr: 'برنامج عيد الفطر',
  eid_al_adha: 'برنامج عيد الأضحى',
  school_start: 'برنامج بدء العام الدراسي',
};

function riyadhToday(ctx: ServiceContext): string {
  return riyadhDay(ctx.now).toISOString().slice(0, 10);
}

function ruleOf(row: OutreachSeasonRow): SeasonRule {
  return { calendar: row.calendar as SeasonCalendar, month: row.month, day: row.day, leadDays: row.lead_days };
}

/** The next day the programme falls on, today included (a lead time of a full year finds it). */
function nextOn(row: OutreachSeasonRow, today: string): string | null {
  return dueOccurrence({ ...ruleOf(row), leadDays: 366 }, today)?.day ?? null;
}

function seasonView(row: OutreachSeasonRow, today: string): SeasonView {
  return {
    code: row.code,
    season: row.season as Season,
    calendar: row.calendar as SeasonCalendar,
    month: row.month,
    day: row.day,
    leadDays: row.lead_days,
    eligibility: row.eligibility as SeasonEligibility,
    channel: row.channel as ContactChannel,
    script: row.script,
    active: row.active === 1,
    nextOn: nextOn(row, today),
  };
}

/**
 * Every active programme whose lead time covers `today`: one task per eligible household for that
 * year's occurrence, reaching them on their preferred channel when they have one. Households that
 * already have the task (an earlier pass) are skipped, so passes and years never double a call.
 */
export async function evaluateSeasons(ctx: ServiceContext, today: string, stamp: WriteStamp): Promise<number> {
  let created = 0;
  for (const season of await listSeasons(ctx.db)) {
    if (season.active !== 1) continue;
    const occurrence = dueOccurrence(ruleOf(season), today);
    if (!occurrence) continue;
    const households = await eligibleHouseholds(ctx.db, season.eligibility as SeasonEligibility, schoolAgeBirthRange(occurrence.day));
    const reached = await seasonTaskHouseholds(ctx.db, season.code, occurrence.day);
    const tasks = [];
    for (const household of households) {
      if (reached.has(household.beneficiary_id)) continue;
      tasks.push({
        id: uuidv7(),
        branch_id: household.branch_id,
        rule_code: season.code,
        task_key: taskKey(season.code, household.beneficiary_id, occurrence.day),
        kind: 'seasonal',
        beneficiary_id: household.beneficiary_id,
        request_id: null,
        anchor_day: occurrence.day,
        channel: household.preferred_channel ?? season.channel,
        script: season.script,
        // The call is made before the season begins: by the eve of its first day.
        due_on: addDays(occurrence.day, -1) < today ? today : addDays(occurrence.day, -1),
        ...UNDONE_TASK,
      });
    }
    await insertTravellingMany(ctx.db, 'outreach_tasks', tasks, stamp);
    created += tasks.length;
  }
  return created;
}

/** The contact log's subject for a seasonal task (the programme may have been renamed or removed since). */
export async function seasonSubject(ctx: ServiceContext, code: string): Promise<string> {
  const season = await findSeason(ctx.db, code);
  return season ? SEASON_SUBJECTS[season.season as Season] : 'برنامج موسمي';
}

export const outreachSeasonHandlers = {
  'outreach.seasons': async (ctx) => {
    const today = riyadhToday(ctx);
    return { items: (await listSeasons(ctx.db)).map((row) => seasonView(row, today)) };
  },

  'outreach.saveSeason': async (ctx, input) => {
    await upsertSeason(ctx.db, {
      code: input.code,
      season: input.season,
      calendar: input.calendar,
      month: input.month,
      day: input.day,
      lead_days: input.leadDays,
      eligibility: input.eligibility,
      channel: input.channel,
      script: input.script,
      active: input.active ? 1 : 0,
      updated_at: ctx.now.toISOString(),
    });
    ctx.describe({ entity: 'outreach_season', entityId: null, detail: { code: input.code, season: input.season, calendar: input.calendar, month: input.month, day: input.day, leadDays: input.leadDays, active: input.active } });
    const saved = await findSeason(ctx.db, input.code);
    if (!saved) throw new Error(`Season ${input.code} was saved but cannot be read back.`);
    return seasonView(saved, riyadhToday(ctx));
  },
} satisfies Partial<Handlers>;
