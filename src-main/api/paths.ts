import { homedir } from 'node:os';
import { join } from 'node:path';

export const APP_DIR_NAME = 'mamen-front-office';
export const STORE_FILE_NAME = 'mamen.sqlite';

/**
 * The per-user data folder, the same one Electron calls userData (the app sets it explicitly so the
 * desktop app, the browser host and the command line all open the same store).
 */
export function defaultDataDir(): string {
  if (process.env.MAMEN_DATA_DIR) return process.env.MAMEN_DATA_DIR;
  if (process.platform === 'win32') return join(process.env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_DIR_NAME);
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_DIR_NAME);
  return join(process.env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_DIR_NAME);
}

export function storePathIn(dataDir: string): string {
  return join(dataDir, STORE_FILE_NAME);
}
