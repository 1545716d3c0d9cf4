// `npm start`: the desktop app when the Electron binary is installed; otherwise the same app in the
// browser from the loopback host. Never `require('electron')` here: without its binary it throws.
import { existsSync, readFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { join } from 'node:path';

function electronBinary() {
  const dir = join('node_modules', 'electron');
  const pathFile = join(dir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

const binary = electronBinary();
const args = process.argv.slice(2);
const child = binary
  ? spawn(binary, ['.', ...args], { stdio: 'inherit' })
  : (console.log('Electron is not installed on this machine (no binary in node_modules/electron): opening Mamen in the browser instead.'),
    spawn(process.execPath, [join('dist', 'main', 'browser-host.cjs'), ...args], { stdio: 'inherit' }));
child.on('exit', (code) => process.exit(code ?? 0));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
