import { readContentFile, sha256Hex, writeContentFile, type ContentPlace } from './content-files';

/**
 * PDFs of the knowledge base, stored once per content beside the store file
 * (`<store folder>/knowledge-files/ab/cdef….pdf`): the same file uploaded twice is kept once, and a
 * document names its file by hash, so a replaced file never changes under an older reference.
 */

/** Writes the file unless it is already there (never half a file); returns its hash. */
export function storeKnowledgePdf(place: ContentPlace, bytes: Uint8Array): string {
  const sha = sha256Hex(bytes);
  writeContentFile(place, 'knowledge-files', sha, bytes, '.pdf');
  return sha;
}

/** The stored bytes, or null when the file is missing (a store copied without its folder) or altered. */
export function readKnowledgePdf(place: ContentPlace, sha: string): Buffer | null {
  return readContentFile(place, 'knowledge-files', sha, '.pdf');
}
