import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import type { MethodInput, MethodName, MethodOutput } from '../../src-shared/contract';
import { createLogger } from '../api/logger';
import { openRuntime, type Runtime } from '../api/runtime';
import { keyFilePathIn, storeKeyFromEnvOrFile } from '../api/store-key';
import type { TransportContext } from '../api/router';
import { StoreKeyError, StoreTooNewError } from '../store/store-errors';
import { APP_VERSION } from '../app/app-version';
import { apiFailure, CliError, usageError } from './cli-output';

/** The API as the command line reaches it: the same router as the app, over the 'cli' transport. */
export type CliSession = {
  runtime: Runtime;
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>;
  close(): Promise<void>;
};

/**
 * The key of the store at `storePath` for the command line: MAMEN_STORE_KEY, else the key file
 * (`--key-file`, by default `store.key` beside the store; created with mode 0600 on the first run).
 */
export function cliStoreKey(storePath: string, keyFile: string | undefined): Buffer {
  try {
    return storeKeyFromEnvOrFile({ storePath, keyFile: keyFile ?? keyFilePathIn(dirname(storePath)) });
  } catch (error) {
    if (error instanceof StoreKeyError) throw new CliError(error.ar, error.en);
    throw error;
  }
}

export async function openCliSession(storePath: string, options: { create: boolean; keyFile: string | undefined }): Promise<CliSession> {
  if (!options.create && !existsSync(storePath)) {
    throw new CliError(
      `لا توجد قاعدة بيانات في ${storePath}. أعدّ النظام أولاً بالأمر init أو حدّد المسار بالخيار --store.`,
      `There is no store at ${storePath}. Set the system up first with "init", or give its path with --store.`,
    );
  }
  // The admin reads the command's own output; the JSON log only carries warnings and errors.
  const logger = createLogger({ level: process.env.MAMEN_LOG_LEVEL ?? 'warn' });
  let runtime: Runtime;
  try {
    runtime = await openRuntime({ storePath, storeKey: cliStoreKey(storePath, options.keyFile), appVersion: APP_VERSION, logger });
  } catch (error) {
    if (error instanceof StoreKeyError) throw new CliError(error.ar, error.en);
    if (error instanceof StoreTooNewError) {
      throw new CliError('قاعدة البيانات من إصدار أحدث من البرنامج. حدّث البرنامج ثم أعد المحاولة.', 'The store was written by a newer version of the app. Update the app and try again.');
    }
    throw error;
  }
  // The session token lives only in this process's memory, like a tab's cookie.
  const transport: TransportContext = {
    transport: 'cli',
    sessionToken: null,
    setSessionToken(token) {
      transport.sessionToken = token;
    },
  };
  return {
    runtime,
    async call(method, input) {
      const result = await runtime.router.call(method, input, transport);
      if (!result.ok) throw apiFailure(result.error);
      // The router checked the value against the method's output schema.
      return result.value as MethodOutput<typeof method>;
    },
    async close() {
      if (transport.sessionToken) await runtime.router.call('auth.logout', {}, transport);
      await runtime.close();
    },
  };
}

/** Reads a password without echoing it; only on a terminal (scripts pass it in the environment). */
async function promptHidden(question: string): Promise<string> {
  const stdin = process.stdin;
  if (!stdin.isTTY) throw usageError('لا توجد كلمة مرور: عرّفها في متغير البيئة المذكور أو شغّل الأمر في طرفية.', 'No password: set it in the environment variable named above, or run the command in a terminal.');
  process.stderr.write(question);
  stdin.setRawMode(true);
  stdin.resume();
  stdin.setEncoding('utf8');
  return new Promise((resolve, reject) => {
    let value = '';
    const finish = (error: CliError | null) => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stderr.write('\n');
      if (error) reject(error);
      else resolve(value);
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') return finish(null);
        if (ch === '\u0003') return finish(new CliError('أُلغي الأمر.', 'Cancelled.', 130));
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
        else value += ch;
      }
    };
    stdin.on('data', onData);
  });
}

/** The password from `envName`, else asked for on the terminal (twice when it is a new one). */
export async function readPassword(envName: string, options: { confirm: boolean }): Promise<string> {
  const fromEnv = process.env[envName];
  if (fromEnv) return fromEnv;
  const first = await promptHidden(`كلمة المرور / Password (${envName}): `);
  if (options.confirm) {
    const again = await promptHidden('أعد كتابة كلمة المرور / Repeat the password: ');
    if (again !== first) throw usageError('كلمتا المرور غير متطابقتين.', 'The two passwords differ.');
  }
  return first;
}

/** Signs in and checks the user is an administrator (the commands that use this read or write the whole registry). */
export async function signInAsAdmin(session: CliSession, username: string | undefined): Promise<MethodOutput<'auth.login'>> {
  if (!username) throw usageError('حدّد المستخدم بالخيار --user.', 'Name the user with --user.');
  const password = await readPassword('MAMEN_PASSWORD', { confirm: false });
  await session.call('auth.login', { username, password });
  const { user } = await session.call('auth.me', {});
  if (!user || user.role !== 'admin') throw new CliError('هذا الأمر لمدير النظام فقط.', 'Only an administrator may run this command.');
  if (user.mustChangePassword) {
    throw new CliError('يجب تغيير كلمة المرور من البرنامج قبل استخدام سطر الأوامر.', 'Change your password in the app before using the command line.');
  }
  return user;
}
