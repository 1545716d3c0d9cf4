import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createLogger } from '../api/logger';
import { openRuntime } from '../api/runtime';
import { defaultDataDir, storePathIn } from '../api/paths';
import { keyFilePathIn, storeKeyFromEnvOrFile } from '../api/store-key';
import { createHttpHost, hostPort } from '../api/transports/http';
import { StoreKeyError, StoreTooNewError } from '../store/store-errors';
import { APP_VERSION } from './app-version';

/**
 * The app without Electron: the same API and renderer served on 127.0.0.1 to the browser that opens
 * the printed launch URL. Used where the Electron binary is absent, and by the end-to-end tests.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'data-dir': { type: 'string' },
      'key-file': { type: 'string' },
      port: { type: 'string', default: '0' },
      'renderer-dir': { type: 'string' },
      'no-open': { type: 'boolean', default: false },
    },
  });
  const dataDir = resolve(values['data-dir'] ?? defaultDataDir());
  // Beside the store, like the desktop app's logs/main.log: rotated by size, never personal data.
  const logger = createLogger({ destination: join(dataDir, 'logs', 'browser-host.log') });
  const rendererDir = resolve(values['renderer-dir'] ?? join(__dirname, '..', 'renderer'));
  if (!existsSync(join(rendererDir, 'index.html'))) {
    console.error(`The interface has not been built (${rendererDir} is missing). Run: npm run build`);
    process.exit(1);
  }
  const launchToken = process.env.MAMEN_LAUNCH_TOKEN ?? randomBytes(24).toString('base64url');
  let runtime;
  try {
    const storePath = storePathIn(dataDir);
    // MAMEN_STORE_KEY, else the key file (0600; created on the first run).
    const storeKey = storeKeyFromEnvOrFile({ storePath, keyFile: resolve(values['key-file'] ?? keyFilePathIn(dataDir)) });
    runtime = await openRuntime({ storePath, storeKey, appVersion: APP_VERSION, logger, backgroundJobs: true, recoverDamagedStore: true });
  } catch (error) {
    if (error instanceof StoreKeyError) {
      console.error(`${error.ar}\n${error.en}`);
      process.exit(2);
    }
    if (error instanceof StoreTooNewError) {
      console.error(`لا يمكن فتح قاعدة البيانات لأنها من إصدار أحدث من البرنامج. حدّث البرنامج. / ${error.message}`);
      process.exit(2);
    }
    throw error;
  }
  const app = await createHttpHost({ router: runtime.router, logger, rendererDir, port: Number(values.port), launchToken });
  const url = `http://127.0.0.1:${hostPort(app)}/?token=${launchToken}`;
  if (runtime.recovery) console.error(`قاعدة البيانات تالفة: افتح الرابط واستعد نسخة احتياطية. / The store is damaged: open the link and restore a backup (${storePathIn(dataDir)}).`);
  else console.log(`Mamen is running on its local store ${runtime.store.path}`);
  console.log(`Open this link in your browser (it carries this launch's access token): ${url}`);
  if (!values['no-open']) console.log('Press Ctrl+C to stop.');

  const stop = async () => {
    await app.close();
    await runtime.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
