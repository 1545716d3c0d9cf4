import { crc32, deflateSync, inflateSync } from 'node:zlib';

/**
 * The little of PNG the forms need, on node:zlib alone: read a signature image to refuse one that is
 * not a PNG or has no ink, and shrink the association's logo once per process (pdfkit would otherwise
 * inflate, split and re-deflate the full 512 px image for every document).
 *
 * Only 8-bit, non-interlaced grey, grey+alpha, RGB and RGBA images are read: what canvas exports
 * (signature_pad) and what our own resources are. Anything else is refused with a reason.
 */

export type RgbaImage = { width: number; height: number; pixels: Uint8Array };

export type PngProblem = 'not_png' | 'unsupported' | 'corrupt' | 'empty';

export class PngImageError extends Error {
  constructor(readonly problem: PngProblem) {
    super(`PNG image refused: ${problem}`);
    this.name = 'PngImageError';
  }
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const CHANNELS: Readonly<Record<number, number>> = { 0: 1, 2: 3, 4: 2, 6: 4 };

export function isPng(bytes: Uint8Array): boolean {
  return bytes.length > SIGNATURE.length && Buffer.from(bytes.subarray(0, 8)).equals(SIGNATURE);
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** Reverses the per-scanline filters (PNG spec §9) in place into a tightly packed buffer. */
function unfilter(raw: Uint8Array, width: number, height: number, bpp: number): Uint8Array {
  const stride = width * bpp;
  if (raw.length < height * (stride + 1)) throw new PngImageError('corrupt');
  const out = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const src = y * (stride + 1) + 1;
    const row = y * stride;
    const prev = row - stride;
    for (let x = 0; x < stride; x++) {
      const value = raw[src + x] ?? 0;
      const left = x >= bpp ? (out[row + x - bpp] ?? 0) : 0;
      const up = y > 0 ? (out[prev + x] ?? 0) : 0;
      const upLeft = y > 0 && x >= bpp ? (out[prev + x - bpp] ?? 0) : 0;
      let predicted: number;
      if (filter === 0) predicted = 0;
      else if (filter === 1) predicted = left;
      else if (filter === 2) predicted = up;
      else if (filter === 3) predicted = (left + up) >> 1;
      else if (filter === 4) predicted = paeth(left, up, upLeft);
      else throw new PngImageError('corrupt');
      out[row + x] = (value + predicted) & 0xff;
    }
  }
  return out;
}

/** Decodes a PNG to RGBA, or throws PngImageError saying why it cannot. */
export function decodePng(bytes: Uint8Array): RgbaImage {
  if (!isPng(bytes)) throw new PngImageError('not_png');
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let offset = 8;
  let width = 0;
  let height = 0;
  let colourType = -1;
  const data: Buffer[] = [];
  try {
    while (offset + 8 <= buffer.length) {
      const length = buffer.readUInt32BE(offset);
      const type = buffer.toString('latin1', offset + 4, offset + 8);
      const body = buffer.subarray(offset + 8, offset + 8 + length);
      if (type === 'IHDR') {
        width = body.readUInt32BE(0);
        height = body.readUInt32BE(4);
        const depth = body[8];
        colourType = body[9] ?? -1;
        if (depth !== 8 || body[12] !== 0 || CHANNELS[colourType] === undefined) throw new PngImageError('unsupported');
      } else if (type === 'IDAT') {
        data.push(body);
      } else if (type === 'IEND') {
        break;
      }
      offset += 12 + length;
    }
    if (width === 0 || height === 0 || width * height > 16_000_000 || data.length === 0) throw new PngImageError('corrupt');
    const channels = CHANNELS[colourType] ?? 4;
    const packed = unfilter(inflateSync(Buffer.concat(data)), width, height, channels);
    const pixels = new Uint8Array(width * height * 4);
    for (let i = 0, j = 0; i < width * height; i++, j += channels) {
      const grey = channels <= 2;
      pixels[i * 4] = packed[j] ?? 0;
      pixels[i * 4 + 1] = grey ? (packed[j] ?? 0) : (packed[j + 1] ?? 0);
      pixels[i * 4 + 2] = grey ? (packed[j] ?? 0) : (packed[j + 2] ?? 0);
      pixels[i * 4 + 3] = channels === 4 ? (packed[j + 3] ?? 0) : channels === 2 ? (packed[j + 1] ?? 0) : 255;
    }
    return { width, height, pixels };
  } catch (error) {
    if (error instanceof PngImageError) throw error;
    throw new PngImageError('corrupt');
  }
}

/**
 * A signature is ink on a blank (transparent or white) background: refuse an image with fewer than
 * `minInkPixels` dark, visible pixels — what an untouched signature pad exports.
 */
export function requireInk(image: RgbaImage, minInkPixels = 30): void {
  let ink = 0;
  const { pixels } = image;
  for (let i = 0; i < pixels.length; i += 4) {
    const alpha = pixels[i + 3] ?? 0;
    const light = ((pixels[i] ?? 0) + (pixels[i + 1] ?? 0) + (pixels[i + 2] ?? 0)) / 3;
    if (alpha > 96 && light < 160) {
      ink += 1;
      if (ink >= minInkPixels) return;
    }
  }
  throw new PngImageError('empty');
}

/** Box-filter shrink to at most `maxSide` pixels on the longer side (never enlarges). */
export function shrink(image: RgbaImage, maxSide: number): RgbaImage {
  const factor = Math.max(1, Math.ceil(Math.max(image.width, image.height) / maxSide));
  if (factor === 1) return image;
  const width = Math.ceil(image.width / factor);
  const height = Math.ceil(image.height / factor);
  const pixels = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const sum = [0, 0, 0, 0];
      let count = 0;
      for (let dy = 0; dy < factor && y * factor + dy < image.height; dy++) {
        for (let dx = 0; dx < factor && x * factor + dx < image.width; dx++) {
          const at = ((y * factor + dy) * image.width + x * factor + dx) * 4;
          for (let c = 0; c < 4; c++) sum[c] = (sum[c] ?? 0) + (image.pixels[at + c] ?? 0);
          count += 1;
        }
      }
      for (let c = 0; c < 4; c++) pixels[(y * width + x) * 4 + c] = Math.round((sum[c] ?? 0) / count);
    }
  }
  return { width, height, pixels };
}

function chunk(type: string, body: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(body.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), body])) >>> 0, 0);
  return Buffer.concat([head, body, crc]);
}

/** Encodes RGBA pixels as a PNG (filter 0 on every row): small images only, made once per process. */
export function encodePng(image: RgbaImage): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(image.width, 0);
  header.writeUInt32BE(image.height, 4);
  header[8] = 8;
  header[9] = 6;
  const stride = image.width * 4;
  const raw = Buffer.alloc(image.height * (stride + 1));
  for (let y = 0; y < image.height; y++) raw.set(image.pixels.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);
  return Buffer.concat([SIGNATURE, chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}
