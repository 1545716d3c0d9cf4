import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema';
import type { TimelineRow } from './timeline-row';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * The committee and the service that follows (migration 0006): research reports, committee decisions
 * (with the outcome as a code), deliveries and the beneficiary's satisfaction answers.
 */
export async function committeeEvents(db: Db, beneficiaryId: string, before: string, limit: number): Promise<TimelineRow[]> {
  const requests = db.selectFrom('support_requests').select('id').where('beneficiary_id', '=', beneficiaryId);
  const events: TimelineRow[] = [];

  const reports = await db
    .selectFrom('research_reports')
    .leftJoin('users', 'users.id', 'research_reports.researcher_id')
    .select(['research_reports.id', 'research_reports.written_at', 'research_reports.recommendation', 'research_reports.needs', 'users.display_name'])
    .where('research_reports.request_id', 'in', requests)
    .where('research_reports.written_at', '<', before)
    .orderBy('research_reports.written_at', 'desc')
    .limit(limit)
    .execute();
  for (const r of reports) {
    events.push({ id: `research_report:${r.id}`, kind: 'research_report', at: r.written_at, actorName: r.display_name, summary: r.needs, fields: [], attributes: { recommendation: r.recommendation } });
  }

  const decisions = await db
    .selectFrom('committee_decisions')
    .leftJoin('users', 'users.id', 'committee_decisions.decided_by')
    .select(['committee_decisions.id', 'committee_decisions.decided_at', 'committee_decisions.outcome', 'committee_decisions.amount', 'committee_decisions.supersedes_id', 'users.display_name'])
    .where('committee_decisions.request_id', 'in', requests)
    .where('committee_decisions.decided_at', '<', before)
    .orderBy('committee_decisions.decided_at', 'desc')
    .limit(limit)
    .execute();
  for (const d of decisions) {
    const attributes: Record<string, string> = { outcome: d.outcome };
    if (d.amount !== null) attributes.amount = String(d.amount);
    if (d.supersedes_id) attributes.correction = 'true';
    events.push({ id: `committee_decision:${d.id}`, kind: 'committee_decision', at: d.decided_at, actorName: d.display_name, summary: null, fields: [], attributes });
  }

  const deliveries = await db
    .selectFrom('deliveries')
    .leftJoin('users', 'users.id', 'deliveries.delivered_by')
    .select(['deliveries.id', 'deliveries.delivered_at', 'deliveries.amount', 'deliveries.items', 'users.display_name'])
    .where('deliveries.request_id', 'in', requests)
    .where('deliveries.delivered_at', '<', before)
    .orderBy('deliveries.delivered_at', 'desc')
    .limit(limit)
    .execute();
  for (const d of deliveries) {
    events.push({ id: `delivery:${d.id}`, kind: 'delivery', at: d.delivered_at, actorName: d.display_name, summary: d.items, fields: [], attributes: { amount: String(d.amount) } });
  }

  const surveys = await db
    .selectFrom('survey_responses')
    .leftJoin('users', 'users.id', 'survey_responses.entered_by')
    .select(['survey_responses.id', 'survey_responses.answered_at', 'survey_responses.csat', 'survey_responses.service', 'survey_responses.comment', 'users.display_name'])
    .where('survey_responses.beneficiary_id', '=', beneficiaryId)
    .where('survey_responses.answered_at', '<', before)
    .orderBy('survey_responses.answered_at', 'desc')
    .limit(limit)
    .execute();
  for (const r of surveys) {
    events.push({ id: `survey:${r.id}`, kind: 'survey', at: r.answered_at, actorName: r.display_name, summary: r.comment, fields: [], attributes: { csat: String(r.csat), service: r.service } });
  }
  return events;
}
