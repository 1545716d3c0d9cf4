import type { Kysely, Selectable, Transaction } from 'kysely';
import type { SeasonEligibility } from '../../src-shared/domain/outreach-seasons';
import type { Database, OutreachSeasonsTable } from './schema';

type Db = Kysely<Database> | Transaction<Database>;
export type OutreachSeasonRow = Selectable<OutreachSeasonsTable>;

/** A household a seasonal programme reaches: its head (the registered beneficiary) and branch. */
export type SeasonHousehold = { beneficiary_id: string; branch_id: string; preferred_channel: string | null };

export function listSeasons(db: Db): Promise<OutreachSeasonRow[]> {
  return db.selectFrom('outreach_seasons').selectAll().orderBy('code').execute();
}

export function findSeason(db: Db, code: string): Promise<OutreachSeasonRow | undefined> {
  return db.selectFrom('outreach_seasons').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function upsertSeason(db: Db, row: OutreachSeasonRow): Promise<void> {
  const { code: _code, ...rest } = row;
  await db.insertInto('outreach_seasons').values(row).onConflict((oc) => oc.column('code').doUpdateSet(rest)).execute();
}

const ACCEPTED_STATES = ['decided_accepted', 'delivered'] as const;

/**
 * The households eligible for a programme on its day:
 * - accepted_case: a request accepted by the committee (delivered or not yet);
 * - active_entitlement: an accepted request whose current decision still has instalments to deliver;
 * - school_age_members: a household member (not removed) born within `birthRange`.
 */
export function eligibleHouseholds(db: Db, eligibility: SeasonEligibility, birthRange: { from: string; to: string }): Promise<SeasonHousehold[]> {
  // A record of another branch shared with this desk's (a visit, a review) is called by this branch:
  // its share names this branch, and a desk writes only its own branch's rows.
  const base = db.selectFrom('beneficiaries as b').leftJoin('beneficiary_shares as s', 's.beneficiary_id', 'b.id')
    .select((eb) => ['b.id as beneficiary_id', eb.fn.coalesce('s.branch_id', 'b.branch_id').as('branch_id'), 'b.preferred_channel']);
  if (eligibility === 'school_age_members') {
    return base
      .where((eb) =>
        eb.exists(
          eb.selectFrom('household_members as m').select('m.id').whereRef('m.beneficiary_id', '=', 'b.id').where('m.removed_at', 'is', null)
            .where('m.birth_date', '>=', birthRange.from).where('m.birth_date', '<=', birthRange.to),
        ),
      )
      .orderBy('b.id')
      .execute();
  }
  if (eligibility === 'accepted_case') {
    // Driven from the accepted requests (state index) rather than probing every beneficiary's requests.
    return base
      .where('b.id', 'in', db.selectFrom('support_requests as r').select('r.beneficiary_id').where('r.state', 'in', ACCEPTED_STATES))
      .orderBy('b.id')
      .execute();
  }
  return base
    .where((eb) =>
      eb.exists(
        eb.selectFrom('support_requests as r')
          .innerJoin('committee_decisions as d', 'd.request_id', 'r.id')
          .select('d.id')
          .whereRef('r.beneficiary_id', '=', 'b.id')
          .where('r.state', 'in', ACCEPTED_STATES)
          .where('d.outcome', '=', 'accepted')
          .where((inner) => inner.not(inner.exists(inner.selectFrom('committee_decisions as later').select('later.id').whereRef('later.supersedes_id', '=', 'd.id'))))
          .where((inner) =>
            inner(
              inner.fn.coalesce('d.installments', inner.lit(1)),
              '>',
              inner.selectFrom('deliveries as x').select((x) => x.fn.countAll<number>().as('n')).whereRef('x.decision_id', '=', 'd.id'),
            ),
          ),
      ),
    )
    .orderBy('b.id')
    .execute();
}
