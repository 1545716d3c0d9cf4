// Runs tests/electron where the Electron binary is installed; elsewhere says plainly that it skipped them.
import { existsSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const pathFile = join('node_modules', 'electron', 'path.txt');
const binary = existsSync(pathFile) ? join('node_modules', 'electron', 'dist', readFileSync(pathFile, 'utf8').trim()) : null;
if (!binary || !existsSync(binary)) {
  console.log('Desktop shell tests skipped: the Electron binary is not installed here (tests/electron needs it).');
  process.exit(0);
}
const result = spawnSync(process.execPath, ['node_modules/@playwright/test/cli.js', 'test', '-c', 'playwright.electron.config.ts'], { stdio: 'inherit' });
process.exit(result.status ?? 1);
