import { writeFileSync } from 'node:fs';
import { appendAudit } from '../store/audit-log';
import { listNamesByIds } from '../store/beneficiary-blocks';
import { findAllDuplicatePairs, type DuplicatePair } from '../services/duplicate-pass';
import { KIND_LABELS, reasonLabels, say, usageError } from './cli-output';
import { openCliSession, signInAsAdmin } from './cli-session';

export type DuplicatesOptions = { storePath: string; keyFile: string | undefined; format: string | undefined; out: string | undefined; user: string | undefined };

type NamedPair = DuplicatePair & { aName: string; aBranch: string; bName: string; bBranch: string };

/** Spreadsheets run a cell starting with = + - @ as a formula; a leading apostrophe keeps it text. */
function csvCell(value: string | number): string {
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function toCsv(pairs: readonly NamedPair[]): string {
  const header = ['درجة التشابه', 'النوع', 'الأسباب', 'معرّف السجل الأول', 'اسم السجل الأول', 'فرع السجل الأول', 'معرّف السجل الثاني', 'اسم السجل الثاني', 'فرع السجل الثاني'];
  const lines = pairs.map((p) =>
    [p.score, KIND_LABELS[p.kind].ar, reasonLabels(p.reasons, 'ar'), p.aId, p.aName, p.aBranch, p.bId, p.bName, p.bBranch].map(csvCell).join(','),
  );
  // BOM and CRLF: Excel then opens the Arabic text as UTF-8 without asking.
  return `\ufeff${[header.map(csvCell).join(','), ...lines].join('\r\n')}\r\n`;
}

/**
 * Lists every likely duplicate and relative pair in the whole store. Reading the whole registry is an
 * administrator's act, so it is signed in, checked and written to the audit chain like an API call.
 */
export async function duplicatesCommand(options: DuplicatesOptions): Promise<number> {
  const format = options.format ?? 'csv';
  if (format !== 'csv' && format !== 'json') throw usageError('الصيغة csv أو json.', 'The format is csv or json.');
  const session = await openCliSession(options.storePath, { create: false, keyFile: options.keyFile });
  try {
    const admin = await signInAsAdmin(session, options.user);
    const { db } = session.runtime.store;
    const result = await findAllDuplicatePairs(db);
    const names = await listNamesByIds(db, result.pairs.flatMap((p) => [p.aId, p.bId]));
    const named: NamedPair[] = result.pairs.map((p) => {
      const a = names.get(p.aId);
      const b = names.get(p.bId);
      const full = (n: typeof a) => (n ? [n.first_name, n.father_name, n.grandfather_name, n.family_name].join(' ') : '');
      return { ...p, aName: full(a), aBranch: a?.branch_name ?? '', bName: full(b), bBranch: b?.branch_name ?? '' };
    });
    await db.transaction().execute((trx) =>
      appendAudit(trx, {
        branchId: admin.branchId,
        userId: admin.id,
        action: 'cli.duplicates',
        entity: 'beneficiary',
        entityId: null,
        detail: { pairs: named.length, blocksSkipped: result.blocksSkipped, format, toFile: options.out !== undefined },
        at: new Date().toISOString(),
        hlc: session.runtime.clock.next(),
      }),
    );
    const output = format === 'csv' ? toCsv(named) : `${JSON.stringify({ pairs: named, blocksSkipped: result.blocksSkipped, skippedBlocks: result.skippedBlocks }, null, 2)}\n`;
    // The list names people: only the admin's account may read the file.
    if (options.out) writeFileSync(options.out, output, { mode: 0o600 });
    else process.stdout.write(output);
    const summary = options.out ? process.stdout : process.stderr;
    say(`أزواج مشتبه بها: ${named.length}، كتل متجاوزة لكبر حجمها: ${result.blocksSkipped}.`, `Candidate pairs: ${named.length}; blocks skipped as too large: ${result.blocksSkipped}.`, summary);
    if (options.out) say(`كُتبت القائمة في ${options.out}`, `The list was written to ${options.out}`, summary);
    return 0;
  } finally {
    await session.close();
  }
}
