import type { Migration } from 'kysely';
import * as m0001 from './0001_foundation';
import * as m0002 from './0002_reception_queue';
import * as m0003 from './0003_support_requests';
import * as m0004 from './0004_contacts_knowledge';
import * as m0005 from './0005_signed_forms';
import * as m0006 from './0006_committee_service';
import * as m0007 from './0007_sync';
import * as m0008 from './0008_report_indexes';
import * as m0009 from './0009_privacy';
import * as m0010 from './0010_seasons_channels_survey_invitations';
import * as m0011 from './0011_cross_branch_reviews';
import * as m0012 from './0012_sync_files';
import * as m0014 from './0014_audit_access';
import * as m0015 from './0015_sync_changes_row_index';
import * as m0016 from './0016_visit_shares';
import * as m0017 from './0017_usernames_per_branch';
import * as m0018 from './0018_same_branch_twins';

/**
 * Every migration, in order, listed statically (bundlers see them; nothing is discovered at run time).
 * A landed migration is never edited: add the next number instead.
 */
export const MIGRATIONS: ReadonlyArray<readonly [name: string, migration: Migration]> = [
  ['0001_foundation', m0001],
  ['0002_reception_queue', m0002],
  ['0003_support_requests', m0003],
  ['0004_contacts_knowledge', m0004],
  ['0005_signed_forms', m0005],
  ['0006_committee_service', m0006],
  ['0007_sync', m0007],
  ['0008_report_indexes', m0008],
  ['0009_privacy', m0009],
  ['0010_seasons_channels_survey_invitations', m0010],
  ['0011_cross_branch_reviews', m0011],
  ['0012_sync_files', m0012],
  ['0014_audit_access', m0014],
  ['0015_sync_changes_row_index', m0015],
  ['0016_visit_shares', m0016],
  ['0017_usernames_per_branch', m0017],
  ['0018_same_branch_twins', m0018],
];
