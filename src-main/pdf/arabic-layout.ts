import bidiFactory from 'bidi-js';
import { faceChain, faceFor, shapeWord, type FontFace, type FontWeight, type ShapedGlyph } from './font-faces';
import type { Direction } from './pdfkit-fonts';

/**
 * Paragraph layout for right-to-left forms, the way a browser does it (UAX #9 with bidi-js):
 * embedding levels per paragraph; line breaks chosen in logical order at spaces, measured with the
 * shaped glyph widths; each line reordered on its own (L1–L2), brackets mirrored in right-to-left
 * runs (L4); every run shaped by the font in its own direction, so numbers and Latin names stay
 * left-to-right inside an Arabic line. Bidi control marks steer the algorithm and are never drawn.
 */

const bidi = bidiFactory();

const mirrors = new Map<string, string | null>();
/** bidi-js looks mirrors up in a table it rebuilds per call: remembered per character. */
function mirrorOf(ch: string): string | null {
  let found = mirrors.get(ch);
  if (found === undefined) {
    found = bidi.getMirroredCharacter(ch);
    mirrors.set(ch, found);
  }
  return found;
}

/** LRM, RLM, ALM, embeddings/overrides, isolates and BOM: they order text but have no glyph. */
const BIDI_CONTROL = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/;

export type TextStyle = {
  size: number;
  weight: FontWeight;
  /** Line box height as a multiple of the size. */
  leading?: number;
  /** 'rtl' for Arabic text (the default); 'auto' takes the paragraph's first strong character. */
  direction?: 'rtl' | 'auto';
};

export type PositionedRun = {
  face: FontFace;
  direction: Direction;
  glyphs: ShapedGlyph[];
  /** Offset from the line's left edge, in points. */
  x: number;
  width: number;
  /** The run's text in logical order (what copy-paste should give). */
  text: string;
};

export type LaidOutLine = {
  runs: PositionedRun[];
  width: number;
  /** The line in logical order, controls removed. */
  text: string;
  /** Base direction of the paragraph the line belongs to. */
  direction: Direction;
};

export type LaidOutText = { lines: LaidOutLine[]; lineHeight: number; size: number; weight: FontWeight };

type Word = { start: number; end: number; width: number };

function directionOf(level: number): Direction {
  return level % 2 === 1 ? 'rtl' : 'ltr';
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** One paragraph's resolved facts: levels and the face of each UTF-16 unit (null: not drawn). */
class Paragraph {
  readonly levels: Uint8Array;
  readonly faces: (FontFace | null)[];
  readonly baseLevel: number;
  readonly embedding: ReturnType<typeof bidi.getEmbeddingLevels>;

  constructor(
    readonly text: string,
    readonly style: TextStyle,
    private readonly chain: FontFace[],
  ) {
    this.embedding = bidi.getEmbeddingLevels(text, style.direction === 'auto' ? 'auto' : 'rtl');
    this.levels = this.embedding.levels;
    this.baseLevel = this.embedding.paragraphs[0]?.level ?? 1;
    this.faces = [];
    let previous: FontFace | null = null;
    for (let i = 0; i < text.length; i++) {
      const ch = text[i] ?? '';
      const code = text.charCodeAt(i);
      let chosen: FontFace | null;
      if (isLowSurrogate(code)) chosen = this.faces[i - 1] ?? null;
      else if (BIDI_CONTROL.test(ch)) chosen = null;
      else if (ch === ' ') chosen = chain[0] ?? null;
      // A combining mark is drawn by the face of the letter it sits on.
      else if (previous && bidi.getBidiCharTypeName(ch) === 'NSM') chosen = previous;
      else chosen = faceFor(text.codePointAt(i) ?? code, chain);
      this.faces.push(chosen);
      if (chosen && ch !== ' ') previous = chosen;
    }
  }

  /** Text of [start, end) as drawn: controls dropped, mirrored where the level is right-to-left. */
  drawnText(start: number, end: number): string {
    let out = '';
    for (let i = start; i < end; i++) {
      if (this.faces[i] === null) continue;
      const ch = this.text[i] ?? '';
      out += ((this.levels[i] ?? 0) % 2 === 1 ? mirrorOf(ch) : null) ?? ch;
    }
    return out;
  }

  logicalText(start: number, end: number): string {
    let out = '';
    for (let i = start; i < end; i++) if (this.faces[i] !== null) out += this.text[i] ?? '';
    return out;
  }

  /** Width in points of [start, end), measured piece by piece (same level, same face). */
  width(start: number, end: number): number {
    let total = 0;
    let pieceStart = start;
    for (let i = start + 1; i <= end; i++) {
      if (i === end || this.levels[i] !== this.levels[pieceStart] || (this.faces[i] !== this.faces[pieceStart] && this.faces[i] !== null)) {
        const face = this.faces[pieceStart] ?? this.chain[0];
        const text = this.drawnText(pieceStart, i);
        if (face && text !== '') total += shapeWord(text, face, directionOf(this.levels[pieceStart] ?? 0)).advance;
        pieceStart = i;
      }
    }
    return (total * this.style.size) / 1000;
  }
}

function wordsOf(paragraph: Paragraph, maxWidth: number): Word[] {
  const { text } = paragraph;
  const words: Word[] = [];
  let i = 0;
  while (i < text.length) {
    while (i < text.length && text[i] === ' ') i++;
    if (i >= text.length) break;
    let end = i;
    while (end < text.length && text[end] !== ' ') end++;
    const width = paragraph.width(i, end);
    if (width <= maxWidth) words.push({ start: i, end, width });
    else words.push(...splitOverlong(paragraph, i, end, maxWidth));
    i = end;
  }
  return words;
}

/** A word wider than the line (a pasted string without spaces) is cut where it fills the line. */
function splitOverlong(paragraph: Paragraph, start: number, end: number, maxWidth: number): Word[] {
  const parts: Word[] = [];
  let partStart = start;
  for (let i = start + 1; i <= end; i++) {
    if (i < end && isLowSurrogate(paragraph.text.charCodeAt(i))) continue;
    if (i === end || paragraph.width(partStart, i + 1) > maxWidth) {
      parts.push({ start: partStart, end: i, width: paragraph.width(partStart, i) });
      partStart = i;
    }
  }
  return parts;
}

function breakLines(words: Word[], spaceWidth: number, maxWidth: number): Word[][] {
  const lines: Word[][] = [];
  let current: Word[] = [];
  let width = 0;
  for (const word of words) {
    const joined = current.length === 0 ? word.width : width + spaceWidth + word.width;
    if (current.length > 0 && joined > maxWidth + 0.01) {
      lines.push(current);
      current = [word];
      width = word.width;
    } else {
      current.push(word);
      width = joined;
    }
  }
  if (current.length > 0) lines.push(current);
  return lines;
}

/** Visual order of [start, end] (inclusive) by the paragraph's reorder segments (UAX #9 L2). */
function visualOrder(paragraph: Paragraph, start: number, end: number): number[] {
  const order: number[] = [];
  for (let i = start; i <= end; i++) order.push(i);
  for (const [from, to] of bidi.getReorderSegments(paragraph.text, paragraph.embedding, start, end)) {
    if (from === undefined || to === undefined) continue;
    const slice = order.slice(from - start, to - start + 1).reverse();
    order.splice(from - start, slice.length, ...slice);
  }
  return order;
}

/** In a right-to-left run every mirrorable character was mirrored: remember the original. */
function withLogicalMirror(glyph: ShapedGlyph): ShapedGlyph {
  if (glyph.logical) return glyph;
  const [only, ...rest] = glyph.codePoints;
  if (only === undefined || rest.length > 0) return glyph;
  const original = mirrorOf(String.fromCodePoint(only));
  return original ? { ...glyph, logical: [original.codePointAt(0) ?? only] } : glyph;
}

function shapeRun(paragraph: Paragraph, face: FontFace, level: number, indices: number[]): PositionedRun {
  const direction = directionOf(level);
  const start = Math.min(...indices);
  const end = Math.max(...indices) + 1;
  const drawn = paragraph.drawnText(start, end);
  // Words and single spaces, each shaped on its own (and cached); a right-to-left run shows them last first.
  const tokens = drawn.split(/( )/).filter((t) => t !== '');
  if (direction === 'rtl') tokens.reverse();
  const glyphs: ShapedGlyph[] = [];
  let advance = 0;
  for (const token of tokens) {
    const shaped = shapeWord(token, face, direction);
    for (const glyph of shaped.glyphs) glyphs.push(direction === 'rtl' ? withLogicalMirror(glyph) : glyph);
    advance += shaped.advance;
  }
  return { face, direction, glyphs, x: 0, width: (advance * paragraph.style.size) / 1000, text: paragraph.logicalText(start, end) };
}

function layoutLine(paragraph: Paragraph, start: number, end: number): LaidOutLine {
  const runs: PositionedRun[] = [];
  let group: number[] = [];
  let groupFace: FontFace | null = null;
  let groupLevel = -1;
  const flush = () => {
    if (group.length > 0 && groupFace) runs.push(shapeRun(paragraph, groupFace, groupLevel, group));
    group = [];
  };
  for (const index of visualOrder(paragraph, start, end)) {
    const face = paragraph.faces[index] ?? null;
    if (face === null) continue;
    const level = paragraph.levels[index] ?? 0;
    if (face !== groupFace || level !== groupLevel) {
      flush();
      groupFace = face;
      groupLevel = level;
    }
    group.push(index);
  }
  flush();
  let x = 0;
  for (const run of runs) {
    run.x = x;
    x += run.width;
  }
  return { runs, width: x, text: paragraph.logicalText(start, end + 1), direction: directionOf(paragraph.baseLevel) };
}

/** Collapses spacing the way a form field would show it; newlines separate paragraphs. */
function paragraphsOf(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((p) => p.replace(/[\t\f\v ]+/g, ' ').trim());
}

/** Lays text out into lines no wider than `maxWidth` points. */
export function layoutText(text: string, maxWidth: number, style: TextStyle): LaidOutText {
  const chain = faceChain(style.weight);
  const primary = chain[0];
  if (!primary) throw new Error('No font face for printed forms.');
  const spaceWidth = (shapeWord(' ', primary, 'rtl').advance * style.size) / 1000;
  const lines: LaidOutLine[] = [];
  for (const source of paragraphsOf(text)) {
    if (source === '') {
      lines.push({ runs: [], width: 0, text: '', direction: 'rtl' });
      continue;
    }
    const paragraph = new Paragraph(source, style, chain);
    for (const words of breakLines(wordsOf(paragraph, maxWidth), spaceWidth, maxWidth)) {
      const first = words[0];
      const last = words[words.length - 1];
      if (first && last) lines.push(layoutLine(paragraph, first.start, last.end - 1));
    }
  }
  return { lines, lineHeight: style.size * (style.leading ?? 1.6), size: style.size, weight: style.weight };
}

/** Width in points of text on one line (no wrapping). */
export function measureText(text: string, style: TextStyle): number {
  return layoutText(text, Number.POSITIVE_INFINITY, style).lines.reduce((max, line) => Math.max(max, line.width), 0);
}
