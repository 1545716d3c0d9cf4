// One build for the whole app: the renderer with Vite, the main-process entries with esbuild.
// The sandboxed preload must be CommonJS, so every main entry is emitted as .cjs.
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';
import { readFileSync, rmSync, mkdirSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const only = process.argv[2]; // 'main' or 'renderer' to build one half
// MAMEN_DIST_DIR lets two builds live side by side (parallel test runs); default dist/.
const dist = process.env.MAMEN_DIST_DIR ?? 'dist';

if (only !== 'renderer') {
  rmSync(`${dist}/main`, { recursive: true, force: true });
  mkdirSync(`${dist}/main`, { recursive: true });
  const entries = {
    'electron-main': 'src-main/app/electron-main.ts',
    preload: 'src-main/app/preload.ts',
    'browser-host': 'src-main/app/browser-host.ts',
    mamen: 'src-main/cli/mamen.ts',
  };
  await esbuild({
    entryPoints: entries,
    outdir: `${dist}/main`,
    outExtension: { '.js': '.cjs' },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: 'linked',
    // Dependencies load from node_modules at run time (native better-sqlite3-multiple-ciphers, electron itself).
    packages: 'external',
    define: { __APP_VERSION__: JSON.stringify(pkg.version) },
    logLevel: 'warning',
  });
}

if (only !== 'main') {
  await viteBuild({ configFile: 'vite.config.ts', logLevel: 'warn' });
}
console.log(`built ${pkg.name} ${pkg.version}`);
