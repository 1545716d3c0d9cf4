import { decodePng, encodePng, shrink } from './png-image';
import { readResource } from './resource-files';

let cached: Buffer | null = null;

/**
 * The association's logo, shrunk once per process to 128 px (enough for 40 pt at 230 dpi): pdfkit
 * decodes and re-compresses an image for every document, and the shipped icon is 512 px.
 */
export function associationLogo(): Buffer {
  cached ??= encodePng(shrink(decodePng(readResource('icons', 'icon.png')), 128));
  return cached;
}
