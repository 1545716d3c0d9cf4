import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * PDFs of the knowledge base, stored once per content beside the store file
 * (`<store folder>/knowledge-files/<sha256>.pdf`): the same file uploaded twice is kept once, and a
 * document names its file by hash, so a replaced file never changes under an older reference.
 */
export function knowledgeFilesDir(storePath: string): string {
  return join(dirname(storePath), 'knowledge-files');
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Writes the file unless it is already there; written to a temporary name first, so no half file is ever seen. */
export function storeKnowledgePdf(storePath: string, bytes: Uint8Array): string {
  const sha = sha256Hex(bytes);
  const dir = knowledgeFilesDir(storePath);
  const target = join(dir, `${sha}.pdf`);
  if (existsSync(target)) return sha;
  mkdirSync(dir, { recursive: true });
  const temporary = `${target}.${process.pid}.tmp`;
  writeFileSync(temporary, bytes, { flag: 'w' });
  renameSync(temporary, target);
  return sha;
}

/** The stored bytes, or null when the file is missing (a store copied without its folder). */
export function readKnowledgePdf(storePath: string, sha: string): Buffer | null {
  if (!/^[0-9a-f]{64}$/.test(sha)) return null;
  const path = join(knowledgeFilesDir(storePath), `${sha}.pdf`);
  return existsSync(path) ? readFileSync(path) : null;
}
