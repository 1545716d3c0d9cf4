import PDFDocument from 'pdfkit';
import { formatGregorian, formatHijri } from '../../src-shared/domain/calendar';
import { layoutText } from './arabic-layout';
import { INK, drawText, style, type DrawContext } from './form-blocks';
import { ltr } from './form-document';
import { associationLogo } from './logo';
import { DocumentFonts } from './pdfkit-fonts';
import { drawQrCode } from './qr-code';

/**
 * The printed survey slip handed over after a delivery or a visit: the association's name, a large
 * QR code that opens the head office's survey page, the same address in plain text under it (for a
 * phone that cannot scan), and until when it works. An 80 mm roll, like the queue ticket.
 * Nothing personal is printed: the address holds only a random one-time token.
 */
export type SurveySlip = { associationName: string; branchName: string; serviceName: string; url: string; issuedAt: string; expiresAt: string };

const WIDTH = 226.77;
const MARGIN = 12;
const QR_SIDE = 170;

export async function renderSurveySlip(slip: SurveySlip): Promise<Buffer> {
  const inner = WIDTH - 2 * MARGIN;
  const lines: Array<[text: string, size: number, bold: boolean]> = [
    [slip.associationName, 11, true],
    [slip.branchName, 9, false],
    ['رأيك يهمّنا', 16, true],
    [`كيف كانت خدمة «${slip.serviceName}»؟ امسح الرمز بكاميرا الجوال وأجب عن ثلاثة أسئلة قصيرة.`, 10, false],
  ];
  const after: Array<[text: string, size: number, bold: boolean]> = [
    [ltr(slip.url), 7.5, false],
    [`يصلح مرة واحدة حتى ${formatHijri(slip.expiresAt, 'ar')} — ${formatGregorian(slip.expiresAt, 'ar')}`, 8.5, false],
    ['لا يحمل الرمز أي بيانات شخصية، وإجابتك لتحسين الخدمة فقط.', 8, false],
  ];
  const laid = (rows: typeof lines) => rows.map(([text, size, bold]) => layoutText(text, inner, style(size, bold)));
  const top = laid(lines);
  const bottom = laid(after);
  const textHeight = (texts: typeof top) => texts.reduce((sum, t) => sum + t.lines.length * t.lineHeight + 4, 0);
  const height = MARGIN + 36 + textHeight(top) + QR_SIDE + 8 + textHeight(bottom) + MARGIN;

  const created = new Date(slip.issuedAt);
  const doc = new PDFDocument({
    autoFirstPage: false,
    font: '',
    pdfVersion: '1.7',
    lang: 'ar',
    displayTitle: true,
    info: { Title: 'استبيان رضا المستفيد', Author: slip.associationName, Creator: 'Mamen front office', Producer: 'Mamen forms (pdfkit)', CreationDate: created, ModDate: created },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const ctx: DrawContext = { doc, fonts: new DocumentFonts(doc) };
  doc.addPage({ size: [WIDTH, height], margin: 0 });
  doc.fillColor(INK.text);
  const logo = (doc as unknown as { openImage(src: Buffer): PDFKit.Mixins.ImageSrc }).openImage(associationLogo());
  doc.image(logo, (WIDTH - 30) / 2, MARGIN, { width: 30, height: 30 });
  let y = MARGIN + 36;
  for (const text of top) y += drawText(ctx, text, MARGIN, y, inner, 'center') + 4;
  drawQrCode(doc, slip.url, (WIDTH - QR_SIDE) / 2, y, QR_SIDE);
  y += QR_SIDE + 8;
  for (const text of bottom) y += drawText(ctx, text, MARGIN, y, inner, 'center') + 4;
  doc.end();
  return finished;
}
