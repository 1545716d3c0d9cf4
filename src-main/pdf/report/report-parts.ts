import { layoutText } from '../arabic-layout';
import { INK, drawBlock, drawText, measure, style, type Block, type DrawContext } from '../form-blocks';

/**
 * What the monthly report is made of, beyond the forms' blocks: tables (header row shaded, first
 * column on the right) and bar charts drawn as vector paths. Each piece knows its height before it
 * is drawn so the report can be paginated like a form.
 */
export type Piece = { height: number; keepWithNext?: boolean; draw(ctx: DrawContext, left: number, top: number, width: number): void };

const ROW = 17;
const CELL = { ...style(9), leading: 1.4 };
const CELL_BOLD = { ...style(9, true), leading: 1.4 };

/** A form block (title, section, paragraph, fields) as a piece. */
export function blockPiece(block: Block, width: number): Piece {
  const measured = measure(block, width);
  return { height: measured.height, keepWithNext: block.kind === 'section', draw: (ctx, left, top, w) => drawBlock(ctx, measured, left, top, w) };
}

function cellText(value: string | number | null): string {
  return value === null ? '—' : String(value);
}

/** A table of at most one page: the caller splits long tables into several pieces. */
export function tablePiece(headers: string[], rows: Array<Array<string | number | null>>): Piece {
  return {
    height: ROW * (rows.length + 1) + 8,
    draw: (ctx, left, top, width) => {
      const { doc } = ctx;
      const columns = headers.length;
      // The first column (the label) is widest and stands at the right edge.
      const first = columns === 1 ? width : Math.max(width * 0.34, width / columns);
      const rest = columns === 1 ? 0 : (width - first) / (columns - 1);
      const x = (i: number) => (i === 0 ? left + width - first : left + width - first - i * rest);
      const w = (i: number) => (i === 0 ? first : rest);
      [headers, ...rows.map((r) => r.map(cellText))].forEach((row, r) => {
        const y = top + r * ROW;
        if (r === 0) doc.rect(left, y, width, ROW).fill(INK.shade);
        row.forEach((value, i) => {
          doc.lineWidth(0.4).rect(x(i), y, w(i), ROW).stroke(INK.rule);
          doc.fillColor(INK.text);
          drawText(ctx, layoutText(String(value), w(i) - 6, r === 0 ? CELL_BOLD : CELL), x(i) + 3, y + 1.5, w(i) - 6, i === 0 ? 'start' : 'center');
        });
      });
    },
  };
}

export type Bar = { label: string; value: number };
const PALETTE = ['#1f6f8b', '#99a84e', '#e0a030', '#c0504d', '#6a5acd', '#2e8b57', '#8b5a2b', '#708090'];

/** Horizontal bars, label on the right, bar growing leftwards as an Arabic reader expects, value at its end. */
export function barsPiece(bars: Bar[]): Piece {
  const barHeight = 13;
  return {
    height: bars.length * (barHeight + 5) + 10,
    draw: (ctx, left, top, width) => {
      const { doc } = ctx;
      const labelWidth = Math.min(170, width * 0.35);
      const valueWidth = 50;
      const track = width - labelWidth - valueWidth - 8;
      const max = Math.max(1, ...bars.map((b) => b.value));
      bars.forEach((bar, i) => {
        const y = top + 4 + i * (barHeight + 5);
        drawText(ctx, layoutText(bar.label, labelWidth - 4, CELL), left + width - labelWidth, y - 1, labelWidth - 4, 'start');
        const length = (bar.value / max) * track;
        const right = left + width - labelWidth - 4;
        doc.rect(right - track, y + 1, track, barHeight - 2).fill('#f2f4f5');
        if (length > 0) doc.rect(right - length, y + 1, length, barHeight - 2).fill(PALETTE[i % PALETTE.length] ?? INK.muted);
        doc.fillColor(INK.text);
        drawText(ctx, layoutText(String(bar.value), valueWidth, CELL_BOLD), left, y - 1, valueWidth, 'center');
      });
    },
  };
}

/** Vertical columns (one per day), for the visitors of the month; the first day stands at the right. */
export function columnsPiece(values: Bar[], height = 120): Piece {
  return {
    height: height + 24,
    draw: (ctx, left, top, width) => {
      const { doc } = ctx;
      const max = Math.max(1, ...values.map((v) => v.value));
      const step = width / Math.max(1, values.length);
      doc.lineWidth(0.6).moveTo(left, top + height).lineTo(left + width, top + height).stroke(INK.rule);
      values.forEach((v, i) => {
        const x = left + width - (i + 1) * step;
        const h = (v.value / max) * (height - 14);
        if (h > 0) doc.rect(x + step * 0.15, top + height - h, step * 0.7, h).fill(PALETTE[0] ?? INK.muted);
        doc.fillColor(INK.text);
        if (v.value > 0) drawText(ctx, layoutText(String(v.value), step + 8, { ...style(7), leading: 1.2 }), x - 4, top + height - h - 11, step + 8, 'center');
        drawText(ctx, layoutText(v.label, step + 8, { ...style(6.5), leading: 1.2 }), x - 4, top + height + 2, step + 8, 'center');
      });
    },
  };
}

/** An explicit "no activity" line for an empty section: never an empty chart. */
export function noActivity(width: number): Piece {
  return blockPiece({ kind: 'paragraph', text: 'لا يوجد نشاط في هذه الفترة.', framed: true, align: 'center' }, width);
}
