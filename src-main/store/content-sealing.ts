import { sealPlainContentFiles } from './content-files';
import type { Store } from './db';
import { getSetting, putSetting } from './settings';

/**
 * Once per encrypted store: seals the attachments, forms and knowledge PDFs written while it was
 * still plain, then records that it did. Until the pass has finished (it may be interrupted: each
 * file is sealed atomically and the next open finishes the rest), plain files still read, checked
 * against their hash. Returns the counts, or null when there was nothing to do.
 */
export async function sealContentFilesOnce(store: Store, now: Date): Promise<{ sealed: number; mismatched: number } | null> {
  if (!store.key || (await getSetting(store.db, 'content_files_sealed_at'))) return null;
  const counts = sealPlainContentFiles({ path: store.path, key: store.key });
  await putSetting(store.db, 'content_files_sealed_at', now.toISOString());
  return counts;
}
