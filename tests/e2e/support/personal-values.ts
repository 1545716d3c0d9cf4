import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The personal data the end-to-end specs type into the app, collected from their source so a new
 * spec's fixtures are covered without anyone listing them: every Arabic word of three letters or
 * more in a string literal (names, cities, notes), and every national-ID- or phone-shaped number.
 * Values made at run time (IDs from a serial) are caught by the shapes in PERSONAL_PATTERNS.
 */
const E2E_DIR = 'tests/e2e';
const ARABIC_WORD = /[\u0621-\u064A\u0660-\u0669\u066E-\u06D3]{3,}/g;
const STRING_LITERAL = /'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`/g;

/** National ID / iqama numbers (10 digits, 1… or 2…) and Saudi mobiles in their usual spellings. */
export const PERSONAL_PATTERNS: readonly RegExp[] = [/(?<![\d.])[12]\d{9}(?!\d)/g, /(?<!\d)05\d{8}(?!\d)/g, /\+?9665\d{8}(?!\d)/g];

function sourcesOf(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourcesOf(path);
    return entry.name.endsWith('.ts') ? [readFileSync(path, 'utf8')] : [];
  });
}

export function personalValuesInFixtures(dir = E2E_DIR): string[] {
  const values = new Set<string>();
  for (const source of sourcesOf(dir)) {
    for (const literal of source.match(STRING_LITERAL) ?? []) {
      for (const word of literal.match(ARABIC_WORD) ?? []) values.add(word);
      for (const pattern of PERSONAL_PATTERNS) for (const value of literal.match(pattern) ?? []) values.add(value);
    }
  }
  return [...values];
}
