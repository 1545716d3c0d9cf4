import type { Handlers } from './handler-types';
import { requireActor } from './context';
import { requireBeneficiaryInScope } from './beneficiary-access';
import { registryEvents } from '../store/timeline-registry';
import { contactEvents } from '../store/timeline-contacts';
import { ticketEvents } from '../store/timeline-queue';
import { caseEvents } from '../store/timeline-cases';
import { signedFormEvents } from '../store/timeline-forms';
import { committeeEvents } from '../store/timeline-committee';
import type { TimelineRow } from '../store/timeline-row';
import { idsOfPerson } from '../store/duplicate-reviews';

/** Later than any stored timestamp: the first page has no lower bound. */
const END_OF_TIME = '9999-12-31T23:59:59.999Z';

/**
 * Every source of a case timeline. Each reads at most `limit` events older than `before` for one
 * beneficiary through an index; the service merges them. A new area adds one line here.
 */
const SOURCES: ReadonlyArray<typeof registryEvents> = [registryEvents, contactEvents, ticketEvents, caseEvents, signedFormEvents, committeeEvents];

/** Newest first; equal times keep a stable order by id so pages never repeat or skip an event. */
function newestFirst(a: TimelineRow, b: TimelineRow): number {
  if (a.at !== b.at) return a.at < b.at ? 1 : -1;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

export const timelineHandlers = {
  'timeline.forBeneficiary': async (ctx, input) => {
    const actor = requireActor(ctx);
    const beneficiary = await requireBeneficiaryInScope(ctx, actor, input.beneficiaryId);
    const before = input.before ?? END_OF_TIME;
    // A merged person's timeline joins the survivor's and every alias's events.
    const ids = await idsOfPerson(ctx.db, beneficiary.id);
    const batches = await Promise.all(ids.flatMap((id) => SOURCES.map((source) => source(ctx.db, id, before, input.limit + 1))));
    const events = batches.flat().sort(newestFirst);
    return { events: events.slice(0, input.limit), hasMore: events.length > input.limit };
  },
} satisfies Partial<Handlers>;
