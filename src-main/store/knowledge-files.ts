import { readContentFile, sha256Hex, writeContentFile } from './content-files';

/**
 * PDFs of the knowledge base, stored once per content beside the store file
 * (`<store folder>/knowledge-files/ab/cdef….pdf`): the same file uploaded twice is kept once, and a
 * document names its file by hash, so a replaced file never changes under an older reference.
 */

/** Writes the file unless it is already there (never half a file); returns its hash. */
export function storeKnowledgePdf(storePath: string, bytes: Uint8Array): string {
  const sha = sha256Hex(bytes);
  writeContentFile(storePath, 'knowledge-files', sha, bytes, '.pdf');
  return sha;
}

/** The stored bytes, or null when the file is missing (a store copied without its folder). */
export function readKnowledgePdf(storePath: string, sha: string): Buffer | null {
  return readContentFile(storePath, 'knowledge-files', sha, '.pdf');
}
