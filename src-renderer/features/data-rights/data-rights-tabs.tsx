import type { TFunction } from 'i18next';
import type { SessionUser } from '../../../src-shared/contract/accounts';
import { canCall } from '../../app/access';
import { DataRightsTab } from './data-rights-tab';

/** The profile's personal-data rights tab, handed to the registry's profile as a tab item. */
export function dataRightsTabs(beneficiaryId: string, user: SessionUser | null, t: TFunction) {
  if (!canCall(user, 'privacy.rights')) return [];
  return [{ key: 'dataRights', label: <span data-testid="tab-data-rights">{t('dataRights.tabTitle')}</span>, children: <DataRightsTab beneficiaryId={beneficiaryId} /> }];
}
