import { IMPORT_FORMATS } from '../../../src-shared/contract/system';

export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** The format is told by the extension; anything else is refused before reading. */
export function formatFromFileName(name: string): ImportFormat | null {
  const extension = name.toLowerCase().split('.').pop() ?? '';
  return (IMPORT_FORMATS as readonly string[]).includes(extension) ? (extension as ImportFormat) : null;
}

/** 8 MiB of base64 is what the contract accepts: about 6 MiB of file. */
export const MAX_FILE_BYTES = Math.floor((8 * 1024 * 1024 * 3) / 4);

export function readAsBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.onload = () => {
      const url = typeof reader.result === 'string' ? reader.result : '';
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.readAsDataURL(file);
  });
}
