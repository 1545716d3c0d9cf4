import type { TFunction } from 'i18next';
import { ContactsTab } from './contacts-tab';
import { TimelineTab } from '../timeline/timeline-tab';

/**
 * The profile's contact-log and timeline tabs, handed to the registry's profile as tab items so that
 * screen only spreads them in (one line there; the tabs live with their areas).
 */
export function beneficiaryCaseTabs(beneficiaryId: string, beneficiaryName: string, t: TFunction) {
  return [
    { key: 'contacts', label: <span data-testid="tab-contacts">{t('contacts.tabTitle')}</span>, children: <ContactsTab beneficiaryId={beneficiaryId} beneficiaryName={beneficiaryName} /> },
    { key: 'timeline', label: <span data-testid="tab-timeline">{t('timeline.tabTitle')}</span>, children: <TimelineTab beneficiaryId={beneficiaryId} /> },
  ];
}
