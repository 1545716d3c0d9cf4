import PDFDocument from 'pdfkit';
import { formatGregorian, formatHijri } from '../../src-shared/domain/calendar';
import { layoutText } from './arabic-layout';
import { INK, drawBlock, drawText, keepsWithNext, measure, style, type Block, type DrawContext, type Measured } from './form-blocks';
import { associationLogo } from './logo';
import { DocumentFonts } from './pdfkit-fonts';
import { drawQrCode } from './qr-code';

/**
 * A form's pages: the association's header (logo, name, branch, both calendars) and a footer
 * (page x of n, document number, verification code and QR) around blocks flowed top to bottom.
 * Everything printed comes from the layout given; the creation date is the form's own timestamp,
 * so the same layout always gives the same bytes.
 */

export type PageFormat = 'a4' | 'roll80';

export type FormFrame = {
  title: string;
  associationName: string;
  branchName: string;
  /** ISO timestamp of the form: printed, and the PDF's creation date. */
  issuedAt: string;
  documentNo: string;
  /** Null for a document that is not a signed form (e.g. a data export): no code, QR or verify hint. */
  verificationCode: string | null;
  /** What the QR code holds (it opens the verify screen). */
  qrText: string | null;
};

export type FormLayout = { format: PageFormat; frame: FormFrame; blocks: Block[] };

type Geometry = { width: number; height: number | 'fit'; margin: number; header: number; footer: number; qr: number };

const GEOMETRY: Readonly<Record<PageFormat, Geometry>> = {
  a4: { width: 595.28, height: 841.89, margin: 40, header: 92, footer: 70, qr: 58 },
  // 80 mm thermal roll: the page is as long as the ticket.
  roll80: { width: 226.77, height: 'fit', margin: 10, header: 84, footer: 96, qr: 64 },
};

const ARABIC_DIGITS = '٠١٢٣٤٥٦٧٨٩';
function arabicDigits(n: number): string {
  return String(n).replace(/\d/g, (d) => ARABIC_DIGITS[Number(d)] ?? d);
}

/** LRI … PDI: a code or number read left to right whatever the Arabic around it. */
export function ltr(value: string): string {
  return `\u2066${value}\u2069`;
}

type Placement = { measured: Measured; top: number; lines?: { from: number; to: number } };

function paginate(measured: Measured[], top: number, bottom: number): Placement[][] {
  const pages: Placement[][] = [[]];
  let y = top;
  const page = () => pages[pages.length - 1] ?? [];
  measured.forEach((item, index) => {
    const { text } = item;
    // A section bar (or a paragraph kept with its signatures) never ends a page: the chain moves together.
    let chain = item.height;
    for (let k = index; k < measured.length && keepsWithNext(measured[k]?.block ?? { kind: 'spacer', height: 0 }); k++) {
      const following = measured[k + 1];
      if (following) chain += following.splittable ? Math.min(following.height, 60) : following.height;
    }
    if (keepsWithNext(item.block) && y + chain > bottom && page().length > 0) {
      pages.push([]);
      y = top;
    }
    if (item.splittable && text && y + item.height > bottom) {
      let from = 0;
      while (from < text.lines.length) {
        const room = Math.floor((bottom - y) / text.lineHeight);
        if (room <= 0) {
          pages.push([]);
          y = top;
          continue;
        }
        const to = Math.min(text.lines.length, from + room);
        page().push({ measured: item, top: y, lines: { from, to } });
        y += (to - from) * text.lineHeight;
        from = to;
      }
      y += 4;
      return;
    }
    if (y + item.height > bottom && page().length > 0) {
      pages.push([]);
      y = top;
    }
    page().push({ measured: item, top: y });
    y += item.height;
  });
  return pages;
}

function drawHeader(ctx: DrawContext, frame: FormFrame, g: Geometry, pageWidth: number, logo: PDFKit.Mixins.ImageSrc): void {
  const { doc } = ctx;
  const inner = pageWidth - 2 * g.margin;
  const dates = `${formatHijri(frame.issuedAt, 'ar')} — ${formatGregorian(frame.issuedAt, 'ar')}`;
  if (g.height === 'fit') {
    doc.image(logo, (pageWidth - 30) / 2, g.margin, { width: 30, height: 30 });
    let y = g.margin + 32;
    for (const [text, size, bold] of [[frame.associationName, 10.5, true], [frame.branchName, 9, false], [dates, 8.5, false]] as const) {
      y += drawText(ctx, layoutText(text, inner, style(size, bold)), g.margin, y, inner, 'center');
    }
  } else {
    doc.image(logo, g.margin, g.margin, { width: 48, height: 48 });
    const textWidth = inner - 60;
    let y = g.margin - 4;
    y += drawText(ctx, layoutText(frame.associationName, textWidth, style(15, true)), g.margin + 60, y, textWidth, 'start');
    y += drawText(ctx, layoutText(`الفرع: ${frame.branchName}`, textWidth, style(11)), g.margin + 60, y, textWidth, 'start');
    drawText(ctx, layoutText(`التاريخ: ${dates}`, textWidth, style(11)), g.margin + 60, y, textWidth, 'start');
  }
  doc.lineWidth(1).moveTo(g.margin, g.margin + g.header - 8).lineTo(pageWidth - g.margin, g.margin + g.header - 8).stroke(INK.rule);
  doc.fillColor(INK.text);
}

function drawFooter(ctx: DrawContext, frame: FormFrame, g: Geometry, pageWidth: number, pageHeight: number, pageNo: number, pages: number): void {
  const { doc } = ctx;
  const inner = pageWidth - 2 * g.margin;
  const top = pageHeight - g.margin - g.footer;
  doc.lineWidth(0.8).moveTo(g.margin, top + 4).lineTo(pageWidth - g.margin, top + 4).stroke(INK.rule);
  doc.fillColor(INK.muted);
  if (frame.verificationCode === null || frame.qrText === null) {
    const line = `صفحة ${arabicDigits(pageNo)} من ${arabicDigits(pages)} — رقم المستند: ${ltr(frame.documentNo)}`;
    drawText(ctx, layoutText(line, inner, style(9.5)), g.margin, top + 10, inner, 'center');
    doc.fillColor(INK.text);
    return;
  }
  const code = `رمز التحقق: ${ltr(frame.verificationCode)}`;
  const number = `رقم المستند: ${ltr(frame.documentNo)}`;
  const page = `صفحة ${arabicDigits(pageNo)} من ${arabicDigits(pages)}`;
  const hint = 'للتحقق من صحة المستند: امسح الرمز أو أدخل رمز التحقق في شاشة التحقق بنظام مأمن.';
  if (g.height === 'fit') {
    drawQrCode(doc, frame.qrText, (pageWidth - g.qr) / 2, top + 8, g.qr);
    let y = top + 10 + g.qr;
    for (const text of [`${code} — ${page}`, number]) y += drawText(ctx, layoutText(text, inner, style(8)), g.margin, y, inner, 'center');
  } else {
    drawQrCode(doc, frame.qrText, g.margin, top + 8, g.qr);
    const textLeft = g.margin + g.qr + 10;
    const textWidth = inner - g.qr - 10;
    let y = top + 8;
    y += drawText(ctx, layoutText(`${page} — ${number}`, textWidth, style(9.5)), textLeft, y, textWidth, 'start');
    y += drawText(ctx, layoutText(code, textWidth, style(10, true)), textLeft, y, textWidth, 'start');
    drawText(ctx, layoutText(hint, textWidth, style(8.5)), textLeft, y, textWidth, 'start');
  }
  doc.fillColor(INK.text);
}

/** Renders a form to PDF bytes. */
export async function renderFormPdf(layout: FormLayout): Promise<Buffer> {
  const g = GEOMETRY[layout.format];
  const inner = g.width - 2 * g.margin;
  const measured = layout.blocks.map((block: Block) => measure(block, inner));
  const bodyTop = g.margin + g.header;
  const fitHeight = bodyTop + measured.reduce((sum, m) => sum + m.height, 0) + g.footer + g.margin + 8;
  const pageHeight = g.height === 'fit' ? fitHeight : g.height;
  const pages = paginate(measured, bodyTop, pageHeight - g.margin - g.footer - 6);
  const created = new Date(layout.frame.issuedAt);

  const doc = new PDFDocument({
    autoFirstPage: false,
    // No default Helvetica: every glyph is ours, and pdfkit need not read its AFM files.
    font: '',
    pdfVersion: '1.7',
    lang: 'ar',
    displayTitle: true,
    info: {
      Title: layout.frame.title,
      Author: layout.frame.associationName,
      Subject: `${layout.frame.title} — ${layout.frame.documentNo}`,
      ...(layout.frame.verificationCode ? { Keywords: `mamen-verify:${layout.frame.verificationCode}` } : {}),
      Creator: 'Mamen front office',
      Producer: 'Mamen forms (pdfkit)',
      CreationDate: created,
      ModDate: created,
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const ctx: DrawContext = { doc, fonts: new DocumentFonts(doc) };
  // Decoded once per document: pdfkit does not remember an image given as bytes between pages.
  // (`openImage` is documented pdfkit API, missing from its type definitions.)
  const logo = (doc as unknown as { openImage(src: Buffer): PDFKit.Mixins.ImageSrc }).openImage(associationLogo());
  pages.forEach((placements, i) => {
    doc.addPage({ size: [g.width, pageHeight], margin: 0 });
    doc.fillColor(INK.text);
    drawHeader(ctx, layout.frame, g, g.width, logo);
    for (const placement of placements) drawBlock(ctx, placement.measured, g.margin, placement.top, inner, placement.lines);
    drawFooter(ctx, layout.frame, g, g.width, pageHeight, i + 1, pages.length);
  });
  doc.end();
  return finished;
}
