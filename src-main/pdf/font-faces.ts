import { parseFont, type Direction, type FontkitFont, type FontkitGlyph } from './pdfkit-fonts';
import { readResource } from './resource-files';

/**
 * The faces of printed forms: Amiri (OFL) first, Noto Sans Arabic for Arabic letters Amiri lacks,
 * DejaVu Sans for symbols neither has. A character none of them has is refused by name (a clear
 * error), never drawn as an empty box. Parsed once per process; shaped words are cached.
 */

export type FontWeight = 'regular' | 'bold';

export type FontFace = {
  key: string;
  font: FontkitFont;
  /** Font units → thousandths of an em (PDF text space). */
  scale: number;
};

const FILES: Readonly<Record<FontWeight, readonly string[]>> = {
  regular: ['Amiri-Regular.ttf', 'NotoSansArabic-Regular.ttf', 'DejaVuSans.ttf'],
  bold: ['Amiri-Bold.ttf', 'NotoSansArabic-Bold.ttf', 'DejaVuSans.ttf'],
};

const faces = new Map<string, FontFace>();

function face(file: string): FontFace {
  let found = faces.get(file);
  if (!found) {
    const font = parseFont(readResource('fonts', file));
    found = { key: file.replace(/\.ttf$/, ''), font, scale: 1000 / font.unitsPerEm };
    faces.set(file, found);
  }
  return found;
}

/** The fallback chain of a weight, primary face first. */
export function faceChain(weight: FontWeight): FontFace[] {
  return FILES[weight].map(face);
}

/** Thrown when no face can draw a character: the caller names the field it came from. */
export class MissingGlyphError extends Error {
  constructor(readonly character: string) {
    const code = character.codePointAt(0)?.toString(16).toUpperCase().padStart(4, '0') ?? '????';
    super(`No font of the printed forms can draw U+${code}.`);
    this.name = 'MissingGlyphError';
  }
}

/** The first face of the chain that has the character. */
export function faceFor(codePoint: number, chain: readonly FontFace[]): FontFace {
  for (const candidate of chain) if (candidate.font.hasGlyphForCodePoint(codePoint)) return candidate;
  throw new MissingGlyphError(String.fromCodePoint(codePoint));
}

export type ShapedGlyph = {
  id: number;
  codePoints: number[];
  /** All in thousandths of an em. */
  advanceWidth: number;
  xAdvance: number;
  xOffset: number;
  yOffset: number;
  source: FontkitGlyph;
  /**
   * The text this glyph stands for when it differs from the font's answer: a bracket mirrored in a
   * right-to-left run, a tatweel the font returned without its character. Drawn from a second copy
   * of the face, since one glyph can carry only one text in a font's ToUnicode table.
   */
  logical?: number[];
};

export type ShapedText = { glyphs: ShapedGlyph[]; advance: number };

const ARABIC_SCRIPT = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/;
const CACHE_LIMIT = 50_000;
const shapedCache = new Map<string, ShapedText>();

/**
 * Shapes one word (no spaces inside) in the given direction; glyphs come back in visual order
 * (fontkit reverses a right-to-left run). Arabic joining, lam-alef and marks are the font's own.
 */
export function shapeWord(text: string, fontFace: FontFace, direction: Direction): ShapedText {
  const cacheKey = `${fontFace.key}\u0000${direction}\u0000${text}`;
  const cached = shapedCache.get(cacheKey);
  if (cached) return cached;
  const script = ARABIC_SCRIPT.test(text) || direction === 'rtl' ? 'arab' : 'latn';
  // Amiri kerns a non-joining letter away from the next (و ي, ر ي) by more than a tenth of an em;
  // text extractors read such a gap as a space inside the word, so Arabic is set without 'kern'.
  // fontkit writes its defaults into the object it is given: a fresh one each call.
  const features = (script === 'arab' ? { kern: false } : {}) as unknown as string[];
  let run = fontFace.font.layout(text, features, script, null, direction);
  const typedTatweel = text.includes('\u0640');
  // Amiri's contextual alternates insert a kashida glyph with no character of its own (between lam
  // and kaf, say); a reader would copy it as "ـ" inside the word. Such words are set without 'calt'.
  // (fontkit caches glyph objects, so an inserted kashida may carry the text of an earlier typed
  // tatweel: any glyph whose text is not in the word gives it away.)
  const foreign = (g: FontkitGlyph) => g.codePoints.length === 0 || g.codePoints.some((cp) => !text.includes(String.fromCodePoint(cp)));
  if (!typedTatweel && run.glyphs.some(foreign)) {
    run = fontFace.font.layout(text, { kern: false, calt: false } as unknown as string[], script, null, direction);
  }
  const glyphs: ShapedGlyph[] = run.glyphs.map((glyph, i) => {
    const position = run.positions[i] ?? { xAdvance: 0, yAdvance: 0, xOffset: 0, yOffset: 0 };
    return {
      id: glyph.id,
      codePoints: glyph.codePoints,
      advanceWidth: glyph.advanceWidth * fontFace.scale,
      xAdvance: position.xAdvance * fontFace.scale,
      xOffset: position.xOffset * fontFace.scale,
      yOffset: position.yOffset * fontFace.scale,
      source: glyph,
      // A typed tatweel comes back from the font without its character: give it back for copy-paste.
      ...(typedTatweel && glyph.codePoints.length === 0 ? { logical: [0x0640] } : {}),
    };
  });
  const shaped = { glyphs, advance: glyphs.reduce((sum, g) => sum + g.xAdvance, 0) };
  if (shapedCache.size >= CACHE_LIMIT) shapedCache.delete(shapedCache.keys().next().value ?? '');
  shapedCache.set(cacheKey, shaped);
  return shaped;
}

/** Ascent and descent of the primary face, in ems: where the baseline sits in a line box. */
export function primaryMetrics(weight: FontWeight): { ascent: number; descent: number } {
  const primary = faceChain(weight)[0];
  if (!primary) throw new Error('No primary font face.');
  return { ascent: primary.font.ascent / primary.font.unitsPerEm, descent: primary.font.descent / primary.font.unitsPerEm };
}
