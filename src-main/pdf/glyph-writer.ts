import type { LaidOutLine, PositionedRun } from './arabic-layout';
import type { ShapedGlyph } from './font-faces';
import type { DocumentFonts, EmbeddedFont } from './pdfkit-fonts';

/**
 * Writes laid-out lines as PDF text: one BT…ET per line, glyphs in visual order in TJ arrays, every
 * horizontal jump (kerning, cursive joins, a mark placed over its letter) as a TJ offset. Each
 * glyph's ToUnicode entry is its logical character, so a reader copying the text gets it back in
 * reading order.
 */

function num(value: number): string {
  return (Math.round(value * 1000) / 1000).toString();
}

function hex(cid: number): string {
  return cid.toString(16).padStart(4, '0');
}

type Placed = { glyph: ShapedGlyph; x: number; dy: number };

/** Absolute positions of a run's glyphs, in the visual order fontkit gives (a mark before its letter). */
function place(run: PositionedRun, left: number, scale: number): Placed[] {
  const placed: Placed[] = [];
  let pen = left + run.x;
  for (const glyph of run.glyphs) {
    placed.push({ glyph, x: pen + glyph.xOffset * scale, dy: glyph.yOffset * scale });
    pen += glyph.xAdvance * scale;
  }
  return placed;
}

/**
 * Width declared for a zero-width mark (thousandths of an em). Extractors measure gaps between
 * glyph boxes: a mark drawn over the end of its letter with no width leaves a gap before the next
 * glyph and splits the word there. Every glyph is placed by explicit TJ offsets, so the declared
 * width moves nothing on paper; it only keeps the mark's box touching its neighbours.
 */
const MARK_WIDTH = 250;

export type LinePlacement = { left: number; baseline: number };

export function writeLine(doc: PDFKit.PDFDocument, fonts: DocumentFonts, line: LaidOutLine, size: number, at: LinePlacement): void {
  if (line.runs.length === 0) return;
  const pageHeight = doc.page.height;
  const y = pageHeight - at.baseline;
  const scale = size / 1000;
  const ops: string[] = ['BT'];
  let current: EmbeddedFont | null = null;
  let pen = Number.NaN;
  let penY = Number.NaN;
  let pending: string[] = [];
  const flush = () => {
    if (pending.length > 0) ops.push(`[${pending.join(' ')}] TJ`);
    pending = [];
  };
  for (const run of line.runs) {
    for (const item of place(run, at.left, scale)) {
      const { glyph } = item;
      const zeroWidth = glyph.advanceWidth === 0 && glyph.xAdvance === 0;
      const { font: wanted, cid } = fonts.glyph(run.face.key, run.face.font, glyph.source, run.face.scale, glyph.logical ?? glyph.codePoints, zeroWidth ? MARK_WIDTH : undefined);
      if (wanted !== current) {
        flush();
        ops.push(`/${wanted.id} ${num(size)} Tf`);
        current = wanted;
      }
      const glyphY = y + item.dy;
      if (glyphY !== penY) {
        flush();
        ops.push(`1 0 0 1 ${num(item.x)} ${num(glyphY)} Tm`);
        penY = glyphY;
        pen = item.x;
      } else if (Math.abs(item.x - pen) > 0.001) {
        pending.push(num(((pen - item.x) * 1000) / size));
      }
      pending.push(`<${hex(cid)}>`);
      pen = item.x + (current.widths[cid] ?? 0) * scale;
    }
  }
  flush();
  ops.push('ET');
  // pdfkit flips the page to a top-left origin; text is written in PDF's own coordinates.
  doc.save();
  doc.transform(1, 0, 0, -1, 0, pageHeight);
  doc.addContent(ops.join('\n'));
  doc.restore();
}
