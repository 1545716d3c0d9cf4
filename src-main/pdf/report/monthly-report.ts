import PDFDocument from 'pdfkit';
import type { Dashboard, Headline } from '../../../src-shared/contract/reports';
import { layoutText } from '../arabic-layout';
import { INK, drawText, style, type DrawContext } from '../form-blocks';
import { associationLogo } from '../logo';
import { DocumentFonts } from '../pdfkit-fonts';
import { summaryTable } from '../../../src-shared/domain/report-tables';
import { barsPiece, blockPiece, columnsPiece, noActivity, tablePiece, type Piece } from './report-parts';

/**
 * The month's board report: a cover (association, branch or all branches, Hijri month with its
 * Gregorian range), an executive summary compared with the month before and the same month a year
 * earlier, a section per area with its table and chart, and the overdue requests as an appendix.
 * Every figure is read from the dashboard object, so the PDF says what the screen says.
 */
export type ReportFrame = { associationName: string; issuedAt: string; issuedBy: string };

const PAGE = { width: 595.28, height: 841.89, margin: 40, header: 56, footer: 30 };
const ROWS_PER_PIECE = 34;

function minutes(seconds: number | null): string {
  return seconds === null ? '—' : (Math.round((seconds / 60) * 10) / 10).toString();
}

function comparisonRows(d: Dashboard): Array<Array<string | number | null>> {
  const p = d.comparison.previous;
  const y = d.comparison.lastYear;
  const line = (label: string, pick: (h: Headline) => number | null) => [label, pick(d.headline), p ? pick(p) : null, y ? pick(y) : null];
  return [
    line('التذاكر', (h) => h.tickets),
    line('الزوار', (h) => h.visitors),
    line('المستفيدون الجدد', (h) => h.newBeneficiaries),
    line('طلبات الدعم', (h) => h.requests),
    line('قرارات اللجنة', (h) => h.decisions),
    line('التسليمات', (h) => h.deliveries),
    line('مبالغ التسليمات (ريال)', (h) => h.deliveryAmount),
    line('التواصل', (h) => h.contacts),
    line('الشكاوى المستلمة', (h) => h.complaintsOpened),
    line('متوسط الرضا', (h) => h.csatAverage),
  ];
}

/** Every day of a month (a quiet day is a zero column, not a gap); a long custom range shows its active days only. */
function everyDay(d: Dashboard): string[] {
  const days: string[] = [];
  for (let t = Date.parse(`${d.period.from}T00:00:00Z`); t <= Date.parse(`${d.period.to}T00:00:00Z`); t += 86_400_000) days.push(new Date(t).toISOString().slice(0, 10));
  return days.length <= 62 ? days : d.tickets.perDay.map((r) => r.day);
}

function table(headers: string[], rows: Array<Array<string | number | null>>, width: number): Piece[] {
  if (rows.length === 0) return [noActivity(width)];
  const out: Piece[] = [];
  for (let i = 0; i < rows.length; i += ROWS_PER_PIECE) out.push(tablePiece(headers, rows.slice(i, i + ROWS_PER_PIECE)));
  return out;
}

function pieces(d: Dashboard, frame: ReportFrame, width: number): Piece[][] {
  const section = (text: string) => blockPiece({ kind: 'section', text }, width);
  const para = (text: string) => blockPiece({ kind: 'paragraph', text, size: 10.5 }, width);
  const cover: Piece[] = [
    blockPiece({ kind: 'spacer', height: 120 }, width),
    blockPiece({ kind: 'banner', text: frame.associationName, size: 22 }, width),
    blockPiece({ kind: 'title', text: 'التقرير الشهري لمجلس الإدارة' }, width),
    blockPiece({ kind: 'banner', text: d.branch.name, size: 16 }, width),
    blockPiece({ kind: 'banner', text: d.period.label, size: 18 }, width),
    blockPiece({ kind: 'paragraph', text: `من ${d.period.from} إلى ${d.period.to} — ${d.period.gregorianLabel}`, align: 'center' }, width),
    blockPiece({ kind: 'paragraph', text: `أعدّه: ${frame.issuedBy} — ${frame.issuedAt.slice(0, 10)}`, align: 'center', size: 9.5 }, width),
  ];
  const summary = summaryTable(d);
  const executive: Piece[] = [
    section('الملخص التنفيذي'),
    para(`خدمت الجمعية في ${d.period.label} عدد ${d.tickets.served} تذكرة من أصل ${d.tickets.total}، وسجّلت ${d.headline.newBeneficiaries} مستفيدًا جديدًا و${d.requests.total} طلب دعم، واتخذت اللجنة ${d.decisions.total} قرارًا، وسُلّمت ${d.deliveries.count} خدمة بمبلغ ${d.deliveries.amount} ريال. الطلبات المتأخرة لدى اللجنة: ${d.overdue.count}.`),
    ...table(summary.headers, summary.rows, width),
    section('المقارنة بالشهر السابق وبالشهر نفسه من العام الماضي'),
    ...table(['المؤشر', d.period.label, d.comparison.previous?.label ?? 'الشهر السابق', d.comparison.lastYear?.label ?? 'العام الماضي'], comparisonRows(d), width),
  ];
  const perDay = d.tickets.perDay;
  const areas: Piece[] = [
    section('الزوار والتذاكر يوميًا'),
    ...(perDay.length === 0 ? [noActivity(width)] : [columnsPiece(everyDay(d).map((day) => ({ label: day.slice(8), value: perDay.find((r) => r.day === day)?.tickets ?? 0 })))]),
    para(`وسيط الانتظار ${minutes(d.times.waitMedian)} دقيقة (90٪: ${minutes(d.times.waitP90)})، ووسيط مدة الخدمة ${minutes(d.times.serviceMedian)} دقيقة (90٪: ${minutes(d.times.serviceP90)}).`),
    section('طلبات الدعم حسب النوع والحالة'),
    ...(d.requests.total === 0 ? [noActivity(width)] : [barsPiece(d.requests.byType.map((r) => ({ label: r.label, value: r.count }))), barsPiece(d.requests.byState.map((r) => ({ label: r.label, value: r.count })))]),
    section('قرارات لجنة البحث'),
    ...(d.decisions.total === 0
      ? [noActivity(width)]
      : [barsPiece(d.decisions.byOutcome.map((r) => ({ label: r.label, value: r.count }))), para(`القرارات خلال مهلة 14 يومًا: ${d.decisions.withinClock} من ${d.decisions.total} (${d.decisions.withinClockPercent ?? '—'}٪). المبالغ المعتمدة: ${d.decisions.acceptedAmount} ريال.`)]),
    section('التسليمات'),
    ...(d.deliveries.count === 0 ? [noActivity(width)] : [para(`عدد التسليمات: ${d.deliveries.count} — إجمالي المبالغ: ${d.deliveries.amount} ريال.`)]),
    section('رضا المستفيدين'),
    ...(d.satisfaction.overall.responses === 0
      ? [noActivity(width)]
      : [
          para(`عدد الإجابات ${d.satisfaction.overall.responses}، متوسط الرضا ${d.satisfaction.overall.csatAverage ?? '—'} من 5، صافي نقاط الترويج ${d.satisfaction.overall.nps ?? '—'}.`),
          ...table(['البند', 'الإجابات', 'متوسط الرضا', 'صافي الترويج'], [...d.satisfaction.byService, ...d.satisfaction.byChannel].map((g) => [g.label, g.responses, g.csatAverage, g.nps]), width),
        ]),
    section('التواصل مع المستفيدين حسب القناة'),
    ...(d.contacts.total === 0 ? [noActivity(width)] : [barsPiece(d.contacts.byChannel.map((c) => ({ label: c.label, value: c.count })))]),
    section('التواصل الاستباقي والشكاوى'),
    ...(d.outreach.due === 0 && d.complaints.opened === 0 && d.complaints.closed === 0
      ? [noActivity(width)]
      : [para(`اتصالات المبادرة: أُنجز ${d.outreach.done} من ${d.outreach.due} مستحقة. الشكاوى: استُلمت ${d.complaints.opened} وأُغلقت ${d.complaints.closed}.`)]),
  ];
  const appendix: Piece[] = [
    section(`ملحق: الطلبات المتأخرة لدى اللجنة حتى ${d.overdue.asOf}`),
    ...table(['المرجع', 'نوع الطلب', 'الحالة', 'الفرع', 'الاستحقاق', 'أيام التأخير'], d.overdue.items.map((r) => [r.reference, r.type, r.state, r.branch, r.dueDate, r.daysOverdue]), width),
  ];
  return [cover, executive, areas, appendix];
}

/** Each part starts on a new page; within a part, pieces flow and break between pieces. */
function paginate(parts: Piece[][], top: number, bottom: number): Array<Array<{ piece: Piece; top: number }>> {
  const pages: Array<Array<{ piece: Piece; top: number }>> = [];
  for (const part of parts) {
    let page: Array<{ piece: Piece; top: number }> = [];
    pages.push(page);
    let y = top;
    part.forEach((piece, index) => {
      // A section bar never ends a page: it moves with the piece that follows it.
      const next = piece.keepWithNext ? (part[index + 1]?.height ?? 0) + 4 : 0;
      if (y + piece.height + next > bottom && page.length > 0) {
        page = [];
        pages.push(page);
        y = top;
      }
      page.push({ piece, top: y });
      y += piece.height + 4;
    });
  }
  return pages;
}

export async function renderMonthlyReport(d: Dashboard, frame: ReportFrame): Promise<{ bytes: Buffer; pages: number }> {
  const inner = PAGE.width - 2 * PAGE.margin;
  const bodyTop = PAGE.margin + PAGE.header;
  const pages = paginate(pieces(d, frame, inner), bodyTop, PAGE.height - PAGE.margin - PAGE.footer);
  const created = new Date(frame.issuedAt);
  const doc = new PDFDocument({
    autoFirstPage: false,
    font: '',
    pdfVersion: '1.7',
    lang: 'ar',
    displayTitle: true,
    info: { Title: `التقرير الشهري — ${d.period.label}`, Author: frame.associationName, Creator: 'Mamen front office', Producer: 'Mamen reports (pdfkit)', CreationDate: created, ModDate: created },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const ctx: DrawContext = { doc, fonts: new DocumentFonts(doc) };
  const logo = (doc as unknown as { openImage(src: Buffer): PDFKit.Mixins.ImageSrc }).openImage(associationLogo());
  pages.forEach((placements, i) => {
    doc.addPage({ size: [PAGE.width, PAGE.height], margin: 0 });
    doc.image(logo, PAGE.margin, PAGE.margin - 6, { width: 36, height: 36 });
    const head = `${frame.associationName} — ${d.branch.name} — ${d.period.label}`;
    drawText(ctx, layoutText(head, inner - 50, style(11, true)), PAGE.margin + 50, PAGE.margin, inner - 50, 'start');
    doc.lineWidth(0.8).moveTo(PAGE.margin, PAGE.margin + PAGE.header - 14).lineTo(PAGE.width - PAGE.margin, PAGE.margin + PAGE.header - 14).stroke(INK.rule);
    doc.fillColor(INK.text);
    for (const { piece, top } of placements) piece.draw(ctx, PAGE.margin, top, inner);
    doc.fillColor(INK.muted);
    drawText(ctx, layoutText(`صفحة ${i + 1} من ${pages.length}`, inner, style(8.5)), PAGE.margin, PAGE.height - PAGE.margin - 12, inner, 'center');
    doc.fillColor(INK.text);
  });
  doc.end();
  return { bytes: await finished, pages: pages.length };
}
