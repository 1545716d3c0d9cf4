// `npm run dev`: rebuilds the renderer on every change (vite build --watch) and serves it, with the
// API, from the loopback host on a development store in .dev-store/ (never the real one).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

const run = (cmd, args) => spawn(cmd, args, { stdio: 'inherit', shell: false });

await new Promise((resolve, reject) => {
  const build = run(process.execPath, ['scripts/build.mjs', 'main']);
  build.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`main build failed (${code})`))));
});
const watcher = run(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--watch', '--mode', 'development']);
while (!existsSync('dist/renderer/index.html')) await new Promise((r) => setTimeout(r, 500));
const host = run(process.execPath, ['dist/main/browser-host.cjs', '--data-dir', '.dev-store', '--port', '5180']);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    watcher.kill(signal);
    host.kill(signal);
    process.exit(0);
  });
}
