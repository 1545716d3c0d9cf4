import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { defaultDataDir, storePathIn } from '../api/paths';
import { APP_VERSION } from '../app/app-version';
import { backupCommand, restoreCommand } from './backup-command';
import { CliError, say, usageError } from './cli-output';
import { openCliSession, readPassword } from './cli-session';
import { duplicatesCommand } from './duplicates-command';
import { importCommand } from './import-command';

const USAGE = `mamen ${APP_VERSION} — أوامر مدير النظام / administrator commands

  Every command takes [--store <path>] and [--key-file <path>] (the store's encryption key: 64 hex
  characters, mode 0600; default store.key beside the store, created by init) or MAMEN_STORE_KEY.

  mamen [--store <path>] init --association <name> --branch-code <code> --branch-name <name>
        [--branch-city <city>] [--association-en <name>] --admin <username> --admin-name <display name>
        (password: MAMEN_ADMIN_PASSWORD, or asked for)
  mamen [--store <path>] import <file> --user <username> [--format csv|xlsx|jsonl]
        [--map field=Heading ...] [--skip-problem-rows] [--dry-run]      (password: MAMEN_PASSWORD)
  mamen [--store <path>] duplicates --user <username> [--format csv|json] [--out <file>]
  mamen [--store <path>] backup [<folder>]      (default: the backups folder chosen in the app)
  mamen [--store <path>] restore <backup folder> [--preview]      (close the app first)
`;

const OPTIONS = {
  store: { type: 'string' },
  'key-file': { type: 'string' },
  association: { type: 'string' },
  'association-en': { type: 'string' },
  'branch-code': { type: 'string' },
  'branch-name': { type: 'string' },
  'branch-city': { type: 'string' },
  admin: { type: 'string' },
  'admin-name': { type: 'string' },
  user: { type: 'string' },
  format: { type: 'string' },
  map: { type: 'string', multiple: true },
  'skip-problem-rows': { type: 'boolean' },
  'dry-run': { type: 'boolean' },
  preview: { type: 'boolean' },
  out: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
} as const;

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>['values'];

function required(values: Values, names: ReadonlyArray<'association' | 'branch-code' | 'branch-name' | 'admin' | 'admin-name'>): void {
  const missing = names.filter((name) => !values[name]);
  if (missing.length > 0) {
    const list = missing.map((m) => `--${m}`).join(' ');
    throw usageError(`خيارات مطلوبة ناقصة: ${list}`, `Missing required options: ${list}`);
  }
}

/** First run: creates the store, the association, its head-office branch and the first administrator. */
async function initCommand(storePath: string, keyFile: string | undefined, values: Values): Promise<number> {
  required(values, ['association', 'branch-code', 'branch-name', 'admin', 'admin-name']);
  const password = await readPassword('MAMEN_ADMIN_PASSWORD', { confirm: true });
  const session = await openCliSession(storePath, { create: true, keyFile });
  try {
    const admin = await session.call('setup.initialise', {
      associationNameAr: values.association ?? '',
      associationNameEn: values['association-en'] ?? null,
      branch: { code: values['branch-code'] ?? '', nameAr: values['branch-name'] ?? '', city: values['branch-city'] ?? null },
      admin: { username: values.admin ?? '', displayName: values['admin-name'] ?? '', password },
    });
    say(`تم إعداد النظام في ${storePath}`, `The system is set up in ${storePath}`);
    say(`الفرع: ${admin.branchName}، مدير النظام: ${admin.username}`, `Branch: ${admin.branchName}; administrator: ${admin.username}`);
    return 0;
  } finally {
    await session.close();
  }
}

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw usageError(`خيار غير معروف أو ناقص: ${error instanceof Error ? error.message : String(error)}`, `${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  }
  const { values, positionals } = parsed;
  if (values.version) {
    process.stdout.write(`${APP_VERSION}\n`);
    return 0;
  }
  const [command, argument, ...extra] = positionals;
  if (values.help || !command) {
    process.stdout.write(USAGE);
    return command || values.help ? 0 : 2;
  }
  if (extra.length > 0) throw usageError(`معاملات زائدة: ${extra.join(' ')}`, `Unexpected arguments: ${extra.join(' ')}`);
  const storePath = resolve(values.store ?? storePathIn(defaultDataDir()));
  const keyFile = values['key-file'] ? resolve(values['key-file']) : undefined;
  switch (command) {
    case 'init':
      return initCommand(storePath, keyFile, values);
    case 'import':
      return importCommand({
        storePath,
        keyFile,
        file: argument,
        format: values.format,
        map: values.map ?? [],
        user: values.user,
        skipProblemRows: values['skip-problem-rows'] ?? false,
        dryRun: values['dry-run'] ?? false,
      });
    case 'duplicates':
      return duplicatesCommand({ storePath, keyFile, format: values.format, out: values.out, user: values.user });
    case 'backup':
      return backupCommand({ storePath, keyFile, folder: argument });
    case 'restore':
      return restoreCommand({ storePath, keyFile, backup: argument, preview: values.preview ?? false });
    default:
      throw usageError(`أمر غير معروف: ${command}`, `Unknown command: ${command}\n${USAGE}`);
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof CliError) {
      say(error.ar, error.en, process.stderr);
      for (const line of error.detailLines) process.stderr.write(`${line}\n`);
      process.exitCode = error.exitCode;
      return;
    }
    // An unexpected failure: the stack is for support; nothing half-done was committed (one transaction per call).
    say('حدث خطأ غير متوقع. لم يُحفظ شيء غير مكتمل.', 'An unexpected error occurred. Nothing half-done was saved.', process.stderr);
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
