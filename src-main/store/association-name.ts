import type { Kysely, Transaction } from 'kysely';
import type { AssociationName } from '../../src-shared/contract/sync';
import type { Database } from './schema';
import { getSettings, putSetting } from './settings';

/**
 * The association's name, as this store knows it (settings: set up on a desk, learnt by head office
 * from the first desk that enrols with it). Settings never travel as rows; the name travels with
 * enrolment, so a desk that joins its branch from an empty store prints it on its forms too.
 */

type Db = Kysely<Database> | Transaction<Database>;

export async function readAssociationName(db: Db): Promise<AssociationName | null> {
  const settings = await getSettings(db, ['association_name_ar', 'association_name_en']);
  return settings.association_name_ar ? { nameAr: settings.association_name_ar, nameEn: settings.association_name_en ?? null } : null;
}

/** Keeps `offered` when this store has no name yet; a name already set is never overwritten. Returns the name kept. */
export async function learnAssociationName(db: Db, offered: AssociationName | null | undefined): Promise<AssociationName | null> {
  const known = await readAssociationName(db);
  if (known || !offered) return known;
  await putSetting(db, 'association_name_ar', offered.nameAr);
  if (offered.nameEn) await putSetting(db, 'association_name_en', offered.nameEn);
  return offered;
}
