import type { TFunction } from 'i18next';
import type { TimelineEvent } from '../../../src-shared/contract/timeline';
import { formatBoth } from '../../../src-shared/domain/calendar';
import { CONTACT_CHANNEL_NAMES, isContactChannel } from '../../../src-shared/domain/contact-channels';
import type { Language } from '../../i18n/init';
import type { Translation } from '../../i18n/ar';

type FieldKey = keyof Translation['beneficiary']['fields'];
type RelationKey = keyof Translation['beneficiary']['relations'];

function hasKey<T extends object>(object: T, key: string): key is Extract<keyof T, string> {
  return Object.hasOwn(object, key);
}

/** The event's coloured dot: contacts blue, the case (queue, interview, requests, forms) orange, registry green, removals red. */
export function eventColor(event: TimelineEvent): string {
  if (event.kind === 'household_removed' || event.attributes.state === 'decided_rejected') return 'red';
  if (event.kind === 'contact') return 'blue';
  if (['registered', 'record_edited', 'household_added', 'household_edited'].includes(event.kind)) return 'green';
  return 'orange';
}

/** The secondary line of an event: the codes it carries, in the interface's words. */
export function eventDetails(event: TimelineEvent, t: TFunction, lang: Language, labels: Translation): string[] {
  const lines: string[] = [];
  const a = event.attributes;
  if (event.kind === 'contact') {
    const channel = a.channel && isContactChannel(a.channel) ? CONTACT_CHANNEL_NAMES[a.channel][lang] : a.channel;
    const parts = [channel];
    if (a.direction && hasKey(labels.contacts.directions, a.direction)) parts.push(t(`contacts.directions.${a.direction}`));
    if (a.contactKind && hasKey(labels.contacts.kinds, a.contactKind)) parts.push(t(`contacts.kinds.${a.contactKind}`));
    if (a.outcome && hasKey(labels.contacts.outcomes, a.outcome)) parts.push(t(`contacts.outcomes.${a.outcome}`));
    lines.push(parts.filter(Boolean).join(' · '));
  }
  if (a.ticketEvent && hasKey(labels.timeline.ticketEvents, a.ticketEvent)) {
    const service = a.service && hasKey(labels.queue.services, a.service) ? t(`queue.services.${a.service}`) : a.service;
    lines.push([t(`timeline.ticketEvents.${a.ticketEvent}`), service].filter(Boolean).join(' · '));
  }
  const requestType = lang === 'ar' ? a.requestTypeAr : a.requestTypeEn;
  if (requestType) lines.push(requestType);
  if (a.state && hasKey(labels.interview.states, a.state)) lines.push(t(`interview.states.${a.state}`));
  if (a.dueDate) lines.push(t('timeline.dueDate', { date: formatBoth(a.dueDate, lang) }));
  if (a.step && hasKey(labels.interview.steps, a.step)) lines.push(t(`interview.steps.${a.step}`));
  if (a.formKind && hasKey(labels.forms.kinds, a.formKind)) lines.push(t(`forms.kinds.${a.formKind}`));
  if (a.relation && hasKey(labels.beneficiary.relations, a.relation)) lines.push(t(`beneficiary.relations.${a.relation as RelationKey}`));
  if (event.fields.length > 0) {
    const names = event.fields.map((f) => (hasKey(labels.beneficiary.fields, f) ? t(`beneficiary.fields.${f as FieldKey}`) : f));
    lines.push(t('timeline.changed', { fields: names.join('، ') }));
  }
  return lines;
}
