import { layoutText, type LaidOutText, type TextStyle } from './arabic-layout';
import { writeLine } from './glyph-writer';
import type { DocumentFonts } from './pdfkit-fonts';

/**
 * The pieces a form is made of, measured before anything is drawn (so pages can be counted and a
 * roll ticket cut to its length), then drawn right to left. Long text wraps and continues on the
 * next page; it never runs past a box.
 */

export type Align = 'start' | 'center' | 'end';

export type FieldRow = { label: string; value: string };

export type SignatureBox = {
  label: string;
  /** Printed under the line (the signer's or the employee's name). */
  name: string | null;
  /** Captured signature (PNG), or null for a wet signature on paper. */
  image: Buffer | null;
  note?: string | null;
};

export type Block =
  | { kind: 'title'; text: string }
  /** A section bar stays on the page of what follows it. */
  | { kind: 'section'; text: string }
  | { kind: 'paragraph'; text: string; size?: number; bold?: boolean; align?: Align; framed?: boolean; keepWithNext?: boolean }
  | { kind: 'fields'; rows: FieldRow[]; labelWidth?: number; columns?: 1 | 2 }
  | { kind: 'list'; items: string[]; numbered?: boolean }
  | { kind: 'signatures'; boxes: SignatureBox[] }
  | { kind: 'banner'; text: string; size: number }
  | { kind: 'spacer'; height: number };

export type Ink = { text: string; muted: string; rule: string; shade: string };
export const INK: Ink = { text: '#111111', muted: '#555555', rule: '#8a9aa5', shade: '#e8eff2' };

export type DrawContext = { doc: PDFKit.PDFDocument; fonts: DocumentFonts };

export function style(size: number, bold = false): TextStyle {
  return { size, weight: bold ? 'bold' : 'regular', leading: 1.65 };
}

/** Draws laid-out lines inside [left, left + width], first line box starting at `top`. */
export function drawText(ctx: DrawContext, text: LaidOutText, left: number, top: number, width: number, align: Align = 'start', from = 0, to = text.lines.length): number {
  let y = top;
  for (const line of text.lines.slice(from, to)) {
    const rtl = line.direction === 'rtl';
    const startSide = rtl ? left + width - line.width : left;
    const endSide = rtl ? left : left + width - line.width;
    const x = align === 'center' ? left + (width - line.width) / 2 : align === 'start' ? startSide : endSide;
    writeLine(ctx.doc, ctx.fonts, line, text.size, { left: x, baseline: y + text.lineHeight * 0.68 });
    y += text.lineHeight;
  }
  return y - top;
}

const FIELD_LABEL = { ...style(10, true), leading: 1.5 };
const FIELD_VALUE = { ...style(10.5), leading: 1.5 };
const SIGNATURE_HEIGHT = 96;

/** Sections, and paragraphs that say so (an attestation above its signatures), share a page with what follows. */
export function keepsWithNext(block: Block): boolean {
  return block.kind === 'section' || (block.kind === 'paragraph' && block.keepWithNext === true);
}

/** A measured block: its height, and for a paragraph the lines so it can be split across pages. */
export type Measured = { block: Block; height: number; text?: LaidOutText; splittable: boolean };

export function measure(block: Block, width: number): Measured {
  switch (block.kind) {
    case 'title': {
      const text = layoutText(block.text, width, style(17, true));
      return { block, text, height: text.lines.length * text.lineHeight + 6, splittable: false };
    }
    case 'section': {
      const text = layoutText(block.text, width - 12, { ...style(11.5, true), leading: 1.5 });
      return { block, text, height: text.lines.length * text.lineHeight + 6, splittable: false };
    }
    case 'paragraph': {
      const inset = block.framed ? 20 : 0;
      const text = layoutText(block.text, width - inset, style(block.size ?? 11.5, block.bold));
      return { block, text, height: text.lines.length * text.lineHeight + (block.framed ? 16 : 4), splittable: !block.framed };
    }
    case 'fields':
      return { block, height: fieldGrid(block, width).reduce((sum, row) => sum + row.height, 0) + 4, splittable: false };
    case 'list': {
      const text = layoutText(listText(block.items, block.numbered ?? false), width - 10, style(11));
      return { block, text, height: text.lines.length * text.lineHeight + 4, splittable: true };
    }
    case 'signatures':
      return { block, height: SIGNATURE_HEIGHT + 8, splittable: false };
    case 'banner': {
      const text = layoutText(block.text, width, style(block.size, true));
      return { block, text, height: text.lines.length * text.lineHeight + 4, splittable: false };
    }
    case 'spacer':
      return { block, height: block.height, splittable: false };
  }
}

function listText(items: string[], numbered: boolean): string {
  return items.map((item, i) => (numbered ? `${i + 1}. ${item}` : `• ${item}`)).join('\n');
}

type FieldCell = { label: LaidOutText; value: LaidOutText };
type FieldGridRow = { cells: FieldCell[]; height: number };

const COLUMN_GAP = 8;

/** Rows of label/value cells; with two columns, consecutive fields sit side by side (first on the right). */
function fieldGrid(block: Extract<Block, { kind: 'fields' }>, width: number): FieldGridRow[] {
  const columns = block.columns ?? 1;
  const cellWidth = (width - COLUMN_GAP * (columns - 1)) / columns;
  const labelWidth = block.labelWidth ?? (columns === 2 ? 92 : 130);
  const out: FieldGridRow[] = [];
  for (let i = 0; i < block.rows.length; i += columns) {
    const cells = block.rows.slice(i, i + columns).map((row) => ({
      label: layoutText(row.label, labelWidth - 8, FIELD_LABEL),
      value: layoutText(row.value === '' ? '—' : row.value, cellWidth - labelWidth - 8, FIELD_VALUE),
    }));
    const height = Math.max(...cells.map((c) => Math.max(c.label.lines.length * c.label.lineHeight, c.value.lines.length * c.value.lineHeight))) + 3;
    out.push({ cells, height });
  }
  return out;
}

/** Draws a measured block at `top`; `lines` limits a split paragraph or list to part of its lines. */
export function drawBlock(ctx: DrawContext, measured: Measured, left: number, top: number, width: number, lines?: { from: number; to: number }): void {
  const { doc } = ctx;
  const { block, text } = measured;
  switch (block.kind) {
    case 'title':
      if (text) drawText(ctx, text, left, top, width, 'center');
      return;
    case 'section':
      doc.rect(left, top + 2, width, measured.height - 4).fill(INK.shade);
      doc.fillColor(INK.text);
      if (text) drawText(ctx, text, left + 6, top + 2, width - 12, 'start');
      return;
    case 'paragraph':
    case 'list':
    case 'banner': {
      if (!text) return;
      if (block.kind === 'paragraph' && block.framed) {
        doc.lineWidth(0.8).rect(left, top, width, measured.height - 4).stroke(INK.rule);
        doc.fillColor(INK.text);
        drawText(ctx, text, left + 10, top + 6, width - 20, block.align ?? 'start');
        return;
      }
      const align = block.kind === 'paragraph' ? (block.align ?? 'start') : block.kind === 'banner' ? 'center' : 'start';
      drawText(ctx, text, left, top, block.kind === 'list' ? width - 10 : width, align, lines?.from, lines?.to);
      return;
    }
    case 'fields':
      drawFields(ctx, block, left, top, width);
      return;
    case 'signatures':
      drawSignatures(ctx, block.boxes, left, top, width);
      return;
    case 'spacer':
      return;
  }
}

function drawFields(ctx: DrawContext, block: Extract<Block, { kind: 'fields' }>, left: number, top: number, width: number): void {
  const { doc } = ctx;
  const columns = block.columns ?? 1;
  const cellWidth = (width - COLUMN_GAP * (columns - 1)) / columns;
  const labelWidth = block.labelWidth ?? (columns === 2 ? 92 : 130);
  let y = top;
  for (const row of fieldGrid(block, width)) {
    row.cells.forEach((cell, i) => {
      const cellLeft = left + width - (i + 1) * cellWidth - i * COLUMN_GAP;
      doc.rect(cellLeft + cellWidth - labelWidth, y, labelWidth, row.height).fill(INK.shade);
      doc.lineWidth(0.5).rect(cellLeft, y, cellWidth, row.height).stroke(INK.rule);
      doc.fillColor(INK.text);
      drawText(ctx, cell.label, cellLeft + cellWidth - labelWidth + 4, y + 1.5, labelWidth - 8, 'start');
      drawText(ctx, cell.value, cellLeft + 4, y + 1.5, cellWidth - labelWidth - 8, 'start');
    });
    y += row.height;
  }
}

function drawSignatures(ctx: DrawContext, boxes: SignatureBox[], left: number, top: number, width: number): void {
  const { doc } = ctx;
  const gap = 14;
  const boxWidth = (width - gap * (boxes.length - 1)) / Math.max(1, boxes.length);
  // The first box stands at the right edge: the order a right-to-left reader meets them.
  boxes.forEach((box, i) => {
    const x = left + width - (i + 1) * boxWidth - i * gap;
    const label = layoutText(box.label, boxWidth - 8, style(10.5, true));
    drawText(ctx, label, x + 4, top, boxWidth - 8, 'start');
    const lineY = top + SIGNATURE_HEIGHT - 26;
    if (box.image) doc.image(box.image, x + 8, top + label.lineHeight + 2, { fit: [boxWidth - 16, lineY - top - label.lineHeight - 4], align: 'center', valign: 'bottom' });
    doc.lineWidth(0.6).moveTo(x + 6, lineY).lineTo(x + boxWidth - 6, lineY).stroke(INK.rule);
    doc.fillColor(INK.text);
    const caption = [box.name, box.note].filter((part): part is string => Boolean(part)).join(' — ');
    if (caption !== '') drawText(ctx, layoutText(caption, boxWidth - 8, style(10)), x + 4, lineY + 2, boxWidth - 8, 'center');
  });
}
