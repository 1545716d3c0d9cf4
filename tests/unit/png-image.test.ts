import { describe, expect, it } from 'vitest';
import { decodePng, encodePng, PngImageError, requireInk, shrink } from '../../src-main/pdf/png-image';

describe('signature images', () => {
  const blank = { width: 40, height: 20, pixels: new Uint8Array(40 * 20 * 4) };
  const inked = { width: 40, height: 20, pixels: new Uint8Array(40 * 20 * 4) };
  for (let x = 2; x < 38; x++) inked.pixels.set([10, 10, 60, 255], (10 * 40 + x) * 4);

  it('reads back what it wrote', () => {
    const decoded = decodePng(encodePng(inked));
    expect([decoded.width, decoded.height]).toEqual([40, 20]);
    expect(Buffer.from(decoded.pixels).equals(Buffer.from(inked.pixels))).toBe(true);
  });

  it('refuses a blank pad and accepts a stroke', () => {
    expect(() => requireInk(decodePng(encodePng(blank)))).toThrow(PngImageError);
    expect(() => requireInk(decodePng(encodePng(inked)))).not.toThrow();
  });

  it('refuses bytes that are not a PNG, or a PNG cut short', () => {
    expect(() => decodePng(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0, 0, 0, 0]))).toThrow(/not_png/);
    const whole = encodePng(inked);
    expect(() => decodePng(whole.subarray(0, 40))).toThrow(PngImageError);
  });

  it('shrinks a large image by averaging, never enlarging a small one', () => {
    const big = { width: 512, height: 256, pixels: new Uint8Array(512 * 256 * 4).fill(200) };
    expect(shrink(big, 128)).toMatchObject({ width: 128, height: 64 });
    expect(shrink(inked, 128)).toBe(inked);
  });
});
