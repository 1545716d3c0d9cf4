import { inflateSync } from 'node:zlib';
import type { ATTACHMENT_TYPES } from '../../src-shared/contract/requests';

export type AttachmentType = (typeof ATTACHMENT_TYPES)[number];

const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/**
 * The file's type from its first bytes, never from its name or a client's claim:
 * `%PDF-`, the PNG signature, or JPEG's SOI + marker. Anything else is refused.
 */
export function sniffAttachmentType(bytes: Uint8Array): AttachmentType | null {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf';
  if (startsWith(bytes, PNG_MAGIC)) return 'image/png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  return null;
}

type PngHeader = { width: number; height: number; bitDepth: number; colorType: number; interlace: number };

/** Chunks of a PNG: the header and the concatenated image data. Null when the file is not a sound PNG. */
function readPng(bytes: Buffer): { header: PngHeader; data: Buffer } | null {
  if (!startsWith(bytes, PNG_MAGIC)) return null;
  let offset = 8;
  let header: PngHeader | null = null;
  const idat: Buffer[] = [];
  while (offset + 8 <= bytes.length) {
    const length = bytes.readUInt32BE(offset);
    const type = bytes.toString('latin1', offset + 4, offset + 8);
    const body = bytes.subarray(offset + 8, offset + 8 + length);
    if (body.length !== length) return null;
    if (type === 'IHDR') {
      header = { width: body.readUInt32BE(0), height: body.readUInt32BE(4), bitDepth: body[8] ?? 0, colorType: body[9] ?? 0, interlace: body[12] ?? 0 };
    } else if (type === 'IDAT') idat.push(body);
    else if (type === 'IEND') break;
    offset += 12 + length;
  }
  if (!header || idat.length === 0) return null;
  try {
    return { header, data: inflateSync(Buffer.concat(idat)) };
  } catch {
    return null;
  }
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/**
 * Whether a signature image holds any ink: at least `minInkPixels` pixels that are not fully
 * transparent. signature_pad exports 8-bit RGBA on a transparent background, so an untouched pad
 * is all zero alpha. Other PNG layouts are refused (the screen never sends them).
 */
export function signatureInkPixels(png: Buffer): number | null {
  const parsed = readPng(png);
  if (!parsed) return null;
  const { header, data } = parsed;
  if (header.bitDepth !== 8 || header.colorType !== 6 || header.interlace !== 0) return null;
  const stride = header.width * 4;
  if (data.length !== header.height * (stride + 1)) return null;
  let previous = new Uint8Array(stride);
  let ink = 0;
  for (let y = 0; y < header.height; y++) {
    const filter = data[y * (stride + 1)];
    const raw = data.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const line = new Uint8Array(stride);
    for (let x = 0; x < stride; x++) {
      const left = x >= 4 ? (line[x - 4] ?? 0) : 0;
      const up = previous[x] ?? 0;
      const upLeft = x >= 4 ? (previous[x - 4] ?? 0) : 0;
      const value = raw[x] ?? 0;
      const predictor =
        filter === 0 ? 0 : filter === 1 ? left : filter === 2 ? up : filter === 3 ? (left + up) >> 1 : filter === 4 ? paeth(left, up, upLeft) : -1;
      if (predictor < 0) return null;
      line[x] = (value + predictor) & 0xff;
    }
    for (let x = 3; x < stride; x += 4) if ((line[x] ?? 0) > 0) ink += 1;
    previous = line;
  }
  return ink;
}
