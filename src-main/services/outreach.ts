import { uuidv7 } from 'uuidv7';
import { ContactInput } from '../../src-shared/contract/contacts';
import type { RuleView, TaskView } from '../../src-shared/contract/outreach';
import { riyadhDay } from '../../src-shared/domain/committee-clock';
import type { ContactChannel, ContactOutcome } from '../../src-shared/domain/contact-channels';
import { anchorWindow, isDue, taskDueOn, taskKey, type OutreachKind, type OutreachTaskKind } from '../../src-shared/domain/outreach-rules';
import {
  deliveredFacts,
  findRule,
  findTask,
  findTaskView,
  listRules,
  listTasks,
  missingDocumentFacts,
  noContactFacts,
  preferredChannels,
  releaseFacts,
  taskKeysInWindow,
  UNDONE_TASK,
  upsertRule,
  type OutreachFact,
  type OutreachRuleRow,
  type TaskListRow,
} from '../store/outreach';
import { insertTravellingMany, updateTravelling } from '../store/row-writer';
import type { Handlers } from './handler-types';
import { requireBeneficiaryInScope } from './beneficiary-access';
import { contactHandlers } from './contacts';
import { requireActor, scopedBranch, type ServiceContext } from './context';
import { DomainError } from './domain-error';
import { localPhone } from './forms-labels';
import { evaluateSeasons, outreachSeasonHandlers, seasonSubject } from './outreach-seasons';
import { maskNullable, maskPhone } from '../../src-shared/domain/masking';

const FACT_SOURCES: Record<OutreachKind, (ctx: ServiceContext, from: string, to: string) => Promise<OutreachFact[]>> = {
  after_service: (ctx, from, to) => deliveredFacts(ctx.db, from, to),
  release_approaching: (ctx, from, to) => releaseFacts(ctx.db, from, to),
  missing_documents: (ctx, from, to) => missingDocumentFacts(ctx.db, from, to),
  no_contact: (ctx, from, to) => noContactFacts(ctx.db, from, to),
};

/** What each kind of task is about, as the contact log's subject line says it. */
const SUBJECTS: Record<OutreachKind, string> = {
  after_service: 'متابعة بعد تقديم الخدمة',
  release_approaching: 'اقتراب موعد الإفراج المتوقع',
  missing_documents: 'تذكير بالمستندات الناقصة',
  no_contact: 'اطمئنان بعد انقطاع التواصل',
};

function ruleView(row: OutreachRuleRow): RuleView {
  return { code: row.code, kind: row.kind as OutreachKind, days: row.days, channel: row.channel as ContactChannel, script: row.script, active: row.active === 1 };
}

function taskView(row: TaskListRow): TaskView {
  return {
    id: row.id,
    ruleCode: row.rule_code,
    kind: row.kind as OutreachTaskKind,
    beneficiaryId: row.beneficiary_id,
    beneficiaryName: row.beneficiary_name,
    // A list: the number is masked; the desk reveals it (audited) when it places the call.
    phone: maskNullable(localPhone(row.phone_primary), maskPhone),
    requestId: row.request_id,
    anchorDay: row.anchor_day,
    channel: row.channel as ContactChannel,
    script: row.script,
    dueOn: row.due_on,
    status: row.status as TaskView['status'],
    outcome: row.outcome as ContactOutcome | null,
    doneByName: row.done_by_name,
    doneAt: row.done_at,
  };
}

/** One pass over every active rule and seasonal programme; facts already turned into tasks are skipped by their key. */
export async function evaluateOutreach(ctx: ServiceContext): Promise<number> {
  const today = riyadhDay(ctx.now).toISOString().slice(0, 10);
  const stamp = ctx.stamp();
  const preferred = await preferredChannels(ctx.db);
  let created = 0;
  for (const rule of await listRules(ctx.db)) {
    if (rule.active !== 1) continue;
    const kind = rule.kind as OutreachKind;
    const window = anchorWindow(kind, rule.days, today);
    // Every fact's anchor lies in the window, so these are all the keys it could meet.
    const known = await taskKeysInWindow(ctx.db, rule.code, window.from, window.to);
    const tasks = [];
    for (const fact of await FACT_SOURCES[kind](ctx, window.from, window.to)) {
      if (!isDue(kind, rule.days, fact.anchor_day, today)) continue;
      const key = taskKey(rule.code, fact.request_id ?? fact.beneficiary_id, fact.anchor_day);
      if (known.has(key)) continue;
      known.add(key);
      tasks.push({
        id: uuidv7(),
        branch_id: fact.branch_id,
        rule_code: rule.code,
        task_key: key,
        kind,
        beneficiary_id: fact.beneficiary_id,
        request_id: fact.request_id,
        anchor_day: fact.anchor_day,
        channel: preferred.get(fact.beneficiary_id) ?? rule.channel,
        script: rule.script,
        due_on: taskDueOn(kind, rule.days, fact.anchor_day, today),
        ...UNDONE_TASK,
      });
    }
    await insertTravellingMany(ctx.db, 'outreach_tasks', tasks, stamp);
    created += tasks.length;
  }
  return created + (await evaluateSeasons(ctx, today, stamp));
}

async function readTask(ctx: ServiceContext, id: string): Promise<TaskView> {
  const row = await findTaskView(ctx.db, id);
  if (!row) throw new Error(`Outreach task ${id} cannot be read back.`);
  return taskView(row);
}

export const outreachHandlers = {
  ...outreachSeasonHandlers,

  'outreach.rules': async (ctx) => ({ items: (await listRules(ctx.db)).map(ruleView) }),

  'outreach.saveRule': async (ctx, input) => {
    const existing = await findRule(ctx.db, input.code);
    if (existing && existing.kind !== input.kind) throw new DomainError('CONFLICT', 'error.ruleKindFixed', { fields: { kind: 'error.ruleKindFixed' } });
    await upsertRule(ctx.db, { code: input.code, kind: input.kind, days: input.days, channel: input.channel, script: input.script, active: input.active ? 1 : 0, updated_at: ctx.now.toISOString() });
    ctx.describe({ entity: 'outreach_rule', entityId: null, detail: { code: input.code, kind: input.kind, days: input.days, active: input.active } });
    const saved = await findRule(ctx.db, input.code);
    if (!saved) throw new Error(`Rule ${input.code} was saved but cannot be read back.`);
    return ruleView(saved);
  },

  'outreach.evaluate': async (ctx) => {
    const created = await evaluateOutreach(ctx);
    ctx.describe({ entity: 'outreach_pass', entityId: null, detail: { created } });
    return { created };
  },

  'outreach.list': async (ctx, input) => {
    const actor = requireActor(ctx);
    return { items: (await listTasks(ctx.db, { branchId: scopedBranch(actor), status: input.status, limit: 500 })).map(taskView) };
  },

  'outreach.complete': async (ctx, input) => {
    const actor = requireActor(ctx);
    const task = await findTask(ctx.db, input.id);
    if (!task) throw new DomainError('NOT_FOUND', 'error.notFound');
    await requireBeneficiaryInScope(ctx, actor, task.beneficiary_id);
    if (task.status !== 'open') throw new DomainError('CONFLICT', 'error.outreachTaskDone');
    const kind = task.kind as OutreachTaskKind;
    const contact = ContactInput.parse({
      beneficiaryId: task.beneficiary_id,
      channel: task.channel,
      direction: 'outbound',
      contactKind: 'follow_up',
      subject: kind === 'seasonal' ? await seasonSubject(ctx, task.rule_code) : SUBJECTS[kind],
      details: input.details,
      outcome: input.outcome,
      // "Needs follow-up" must carry a day: the desk's follow-up list picks it up in a week.
      followUpOn: input.outcome === 'follow_up_needed' ? new Date(riyadhDay(ctx.now).getTime() + 7 * 86_400_000).toISOString().slice(0, 10) : null,
    });
    const entry = await contactHandlers['contacts.record'](ctx, { contact });
    const stamp = ctx.stamp();
    await updateTravelling(ctx.db, 'outreach_tasks', task, { status: 'done', outcome: input.outcome, contact_id: entry.id, done_by: actor.id, done_at: stamp.now }, stamp, { history: false });
    ctx.describe({ entity: 'outreach_task', entityId: task.id, detail: { kind, outcome: input.outcome, contactId: entry.id } });
    return readTask(ctx, task.id);
  },
} satisfies Partial<Handlers>;
