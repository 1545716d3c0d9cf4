import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { PERSONAL_PATTERNS, personalValuesInFixtures } from './personal-values';

/**
 * Playwright's global teardown: reads the log files every e2e host wrote (each host logs at debug,
 * one line per API call) and fails the run if any holds a value the specs typed in — a name, an ID
 * number, a phone — or anything shaped like an ID or a phone.
 */
const RESULTS = 'test-results';
const RUN_STARTED_AT = Date.now() - process.uptime() * 1000;

function logFiles(): string[] {
  if (!existsSync(RESULTS)) return [];
  return readdirSync(RESULTS)
    .filter((name) => name.startsWith('e2e-store-'))
    .flatMap((store) => {
      const dir = join(RESULTS, store, 'logs');
      return existsSync(dir) ? readdirSync(dir).filter((name) => /\.log(\.\d+)?$/.test(name)).map((name) => join(dir, name)) : [];
    })
    // This run's hosts only (each starts on an emptied folder); folders of other runs are left alone.
    .filter((file) => statSync(file).mtimeMs >= RUN_STARTED_AT);
}

export default function checkLogs(): void {
  const files = logFiles();
  const fixtures = personalValuesInFixtures();
  const lineCount = files.reduce((sum, file) => sum + readFileSync(file, 'utf8').split('\n').filter(Boolean).length, 0);
  if (lineCount === 0) throw new Error('The e2e hosts wrote no log lines: the log check would prove nothing (is MAMEN_LOG_LEVEL debug?).');
  const found: string[] = [];
  for (const file of files) {
    readFileSync(file, 'utf8').split('\n').forEach((line, index) => {
      const hits = [...fixtures.filter((value) => line.includes(value)), ...PERSONAL_PATTERNS.flatMap((pattern) => line.match(pattern) ?? [])];
      if (hits.length > 0) found.push(`${file}:${index + 1}: ${[...new Set(hits)].join(', ')}`);
    });
  }
  if (found.length > 0) throw new Error(`Personal data in the e2e logs:\n${found.slice(0, 20).join('\n')}`);
  console.log(`log check: ${lineCount} lines in ${files.length} log files, none with any of ${fixtures.length} fixture values or an ID/phone shape`);
}
