import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/**
 * Where the shipped resources (fonts, logo) are: `MAMEN_RESOURCES_DIR`, the packaged app's
 * resources folder (electron-builder copies `resources/fonts` to `<resources>/fonts`), or the
 * `resources/` folder of the checkout found from the running script or the working directory.
 */
function ancestors(start: string): string[] {
  const out: string[] = [];
  let dir = resolve(start);
  for (let i = 0; i < 6; i++) {
    out.push(dir);
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return out;
}

let cached: string | null = null;

export function resourcesDir(): string {
  if (cached) return cached;
  const packaged = (process as NodeJS.Process & { resourcesPath?: string }).resourcesPath;
  const candidates = [
    process.env.MAMEN_RESOURCES_DIR,
    packaged,
    ...ancestors(dirname(process.argv[1] ?? process.cwd())).map((d) => join(d, 'resources')),
    ...ancestors(process.cwd()).map((d) => join(d, 'resources')),
  ].filter((c): c is string => typeof c === 'string' && c !== '');
  const found = candidates.find((c) => existsSync(join(c, 'fonts', 'Amiri-Regular.ttf')));
  if (!found) throw new Error(`The fonts for printed forms were not found (looked in: ${candidates.join(', ')}).`);
  cached = found;
  return found;
}

/** A file under the resources folder; the logo may sit in `icons/` beside `fonts/`. */
export function readResource(...parts: string[]): Buffer {
  return readFileSync(join(resourcesDir(), ...parts));
}

export function resourceExists(...parts: string[]): boolean {
  return existsSync(join(resourcesDir(), ...parts));
}
