import { existsSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { BACKUP_NAME, type BackupManifest } from '../../src-shared/contract/backups';
import { ERROR_MESSAGES } from '../../src-shared/i18n/error-messages';
import { BackupRefusal, inspectBackup, writeBackup } from '../services/backup-archive';
import { PreRestoreBackupFailed, restoreBackup, RestoreSwapFailed } from '../services/backup-restore';
import { PROBLEM_MESSAGES } from '../services/backups';
import { appendAudit } from '../store/audit-log';
import { homeBranch, openCopy, storeFileProblem } from '../store/backup-copy';
import { backupFolderOf } from '../store/backup-settings';
import { openStore, type Store } from '../store/db';
import { createHlcClock } from '../store/hlc-clock';
import { APP_VERSION } from '../app/app-version';
import { CliError, say, usageError } from './cli-output';
import { cliStoreKey, openCliSession } from './cli-session';

type StoreOptions = { storePath: string; keyFile: string | undefined };

function refusal(key: keyof typeof ERROR_MESSAGES): CliError {
  return new CliError(ERROR_MESSAGES[key].ar, ERROR_MESSAGES[key].en);
}

function describe(manifest: BackupManifest): void {
  const c = manifest.counts;
  say(`النسخة: ${manifest.name} (${manifest.kind})، أُخذت ${manifest.takenAt}`, `Backup: ${manifest.name} (${manifest.kind}), taken ${manifest.takenAt}`);
  say(
    `الإصدار ${manifest.appVersion}، نسخة المخطط ${manifest.schemaVersion}، الفرع ${manifest.branch ? `${manifest.branch.nameAr} (${manifest.branch.code})` : '—'}، ${manifest.encrypted ? 'مشفّرة' : 'غير مشفّرة'}`,
    `App ${manifest.appVersion}, schema ${manifest.schemaVersion}, branch ${manifest.branch?.code ?? '—'}, ${manifest.encrypted ? 'encrypted' : 'plain'}`,
  );
  say(
    `المستفيدون ${c.beneficiaries}، أفراد الأسر ${c.householdMembers}، طلبات الدعم ${c.supportRequests}، المقابلات ${c.interviews}، النماذج الموقّعة ${c.signedForms}، المرفقات ${c.attachments}، التواصل ${c.contacts}، المستخدمون ${c.users}، سجل التدقيق ${c.auditEntries}`,
    `Beneficiaries ${c.beneficiaries}, household members ${c.householdMembers}, support requests ${c.supportRequests}, interviews ${c.interviews}, signed forms ${c.signedForms}, attachments ${c.attachments}, contacts ${c.contacts}, users ${c.users}, audit entries ${c.auditEntries}`,
  );
  say(`الملفات المرفقة: ${manifest.content.files}، حجم قاعدة البيانات ${(manifest.store.bytes / 1048576).toFixed(1)} ميغابايت`, `Content files: ${manifest.content.files}; store ${(manifest.store.bytes / 1048576).toFixed(1)} MiB`);
}

/**
 * `mamen backup [<folder>]`: a verified backup (snapshot while the app may stay open, content files,
 * manifest) into the folder, or the one chosen in the app. Recorded in the audit chain.
 */
export async function backupCommand(options: StoreOptions & { folder: string | undefined }): Promise<number> {
  const session = await openCliSession(options.storePath, { create: false, keyFile: options.keyFile });
  try {
    const folder = resolve(options.folder ?? backupFolderOf(options.storePath));
    if (!existsSync(folder)) throw refusal('backup.folderMissing');
    const { store, clock } = session.runtime;
    let manifest: BackupManifest;
    try {
      manifest = await writeBackup({ storePath: store.path, key: store.key, folder, kind: 'manual', at: new Date(), appVersion: APP_VERSION });
    } catch (error) {
      throw refusal(error instanceof BackupRefusal ? 'backup.sourceDamaged' : 'backup.writeFailed');
    }
    await store.db.transaction().execute((trx) =>
      appendAudit(trx, {
        branchId: manifest.branch?.id ?? null, userId: null, action: 'backups.create', entity: 'backup', entityId: null,
        detail: { backup: manifest.name, kind: manifest.kind, bytes: manifest.store.bytes, via: 'cli' }, at: manifest.takenAt, hlc: clock.next(),
      }),
    );
    say(`تم إنشاء النسخة الاحتياطية والتحقق منها في ${folder}`, `Backup written and verified in ${folder}`);
    describe(manifest);
    return 0;
  } finally {
    await session.close();
  }
}

/**
 * `mamen restore <backup folder> [--preview]`: shows what the backup holds, or restores it after a
 * backup of the current state (into the same backups folder). Works on a damaged store too, whose
 * files are then kept aside. The app must be closed while it runs.
 */
export async function restoreCommand(options: StoreOptions & { backup: string | undefined; preview: boolean }): Promise<number> {
  if (!options.backup) throw usageError('حدّد مجلد النسخة: mamen restore <folder>', 'Name the backup folder: mamen restore <folder>');
  const dir = resolve(options.backup);
  if (!existsSync(dir)) throw refusal('backup.notFound');
  if (!BACKUP_NAME.test(basename(dir))) throw refusal('backup.foreign');
  const key = cliStoreKey(options.storePath, options.keyFile);
  const damaged = storeFileProblem(options.storePath, key) !== null;
  let homeBranchId: string | null = null;
  if (!damaged && existsSync(options.storePath)) {
    const current = openCopy(options.storePath, key);
    homeBranchId = homeBranch(current)?.id ?? null;
    current.close();
  }
  const inspection = await inspectBackup(dir, key, homeBranchId);
  if (!inspection.ok) {
    if (inspection.manifest) describe(inspection.manifest);
    throw refusal(PROBLEM_MESSAGES[inspection.problem]);
  }
  describe(inspection.manifest);
  if (inspection.migrationsToApply > 0) say(`ستُرقّى النسخة بـ ${inspection.migrationsToApply} ترحيلاً عند الاستعادة.`, `The restore will apply ${inspection.migrationsToApply} migrations to it.`);
  if (options.preview) {
    say('النسخة سليمة. لم يتغيّر شيء (معاينة فقط).', 'The backup is sound. Nothing was changed (preview only).');
    return 0;
  }

  // Nothing holds the store open in this process: releasing is a no-op, reopening opens (and migrates) it.
  let reopened: Store | null = null;
  try {
    const outcome = await restoreBackup({
      storePath: options.storePath, key, folder: dirname(dir), name: basename(dir), appVersion: APP_VERSION, at: new Date(), homeBranchId,
      current: damaged || !existsSync(options.storePath) ? 'damaged' : 'normal',
      audit: { userId: null, action: 'backups.restore', via: 'cli' },
      host: {
        quiesce: async () => undefined,
        resume: () => undefined,
        release: async () => undefined,
        reopen: async () => {
          reopened = await openStore(options.storePath, { key });
          return { store: reopened, clock: await createHlcClock(reopened.db) };
        },
      },
    });
    say(`تمت الاستعادة من ${outcome.restored.name}. يسجّل المستخدمون دخولهم من جديد.`, `Restored from ${outcome.restored.name}. Users sign in again.`);
    if (outcome.preRestoreBackup) say(`نسخة البيانات السابقة: ${outcome.preRestoreBackup}`, `The previous data was backed up as ${outcome.preRestoreBackup}`);
    if (outcome.resyncing) say('هذا الجهاز مسجّل لدى المقر الرئيسي: سيعيد المزامنة معه ليستلم ما أرسله بعد تاريخ النسخة.', 'This desk is enrolled with head office: it will re-sync from it to receive back what it sent after the backup was taken.');
    if (outcome.keptAside) say(`حُفظ الملف التالف جانباً باسم ${outcome.keptAside}`, `The damaged file was kept aside as ${outcome.keptAside}`);
    return 0;
  } catch (error) {
    if (error instanceof BackupRefusal) throw refusal(PROBLEM_MESSAGES[error.problem]);
    if (error instanceof PreRestoreBackupFailed) throw refusal('backup.preRestoreFailed');
    if (error instanceof RestoreSwapFailed) throw refusal('backup.restoreFailed');
    throw error;
  } finally {
    await (reopened as Store | null)?.close();
  }
}
