import { describe, expect, it } from 'vitest';
import { layoutText, measureText, type LaidOutLine } from '../../src-main/pdf/arabic-layout';
import { MissingGlyphError } from '../../src-main/pdf/font-faces';

/**
 * The layout engine as a reader sees the page: lines read left to right on paper, right-to-left runs
 * reversed (and their brackets mirrored), numbers and Latin names left to right inside Arabic.
 */

const MIRROR: Record<string, string> = { '(': ')', ')': '(', '[': ']', ']': '[', '{': '}', '}': '{', '«': '»', '»': '«' };

/** What the line shows, character by character from the left edge of the paper. */
function onPaper(line: LaidOutLine): string {
  return line.runs
    .map((run) => (run.direction === 'rtl' ? [...run.text].reverse().map((ch) => MIRROR[ch] ?? ch).join('') : run.text))
    .join('');
}

const STYLE = { size: 12, weight: 'regular' as const };
const oneLine = (text: string, direction: 'rtl' | 'auto' = 'rtl') => {
  const { lines } = layoutText(text, 10_000, { ...STYLE, direction });
  expect(lines).toHaveLength(1);
  return lines[0]!;
};

describe('bidi: mixed lines are ordered as the Unicode algorithm says', () => {
  it('keeps numbers left to right inside an Arabic sentence', () => {
    expect(onPaper(oneLine('المبلغ 2500 ريال'))).toBe('لاير 2500 غلبملا');
    expect(onPaper(oneLine('رقم الهوية 1087654321 والجوال 0551234567'))).toBe('0551234567 لاوجلاو 1087654321 ةيوهلا مقر');
  });

  it('keeps Arabic-Indic digits left to right too (fontkit alone reverses them)', () => {
    const line = oneLine('عدد الأفراد ١٢ فرد');
    expect(onPaper(line)).toBe('درف ١٢ دارفألا ددع');
    expect(line.runs.find((r) => r.text === '١٢')?.direction).toBe('ltr');
  });

  it('keeps a Latin name in one left-to-right run', () => {
    expect(onPaper(oneLine('الاسم Ahmed Al-Harbi في السجل'))).toBe('لجسلا يف Ahmed Al-Harbi مسالا');
  });

  it('mirrors brackets inside right-to-left text', () => {
    expect(onPaper(oneLine('المادة (3) من النظام'))).toBe('ماظنلا نم (3) ةداملا');
    expect(onPaper(oneLine('ملاحظة [مهمة] جدا'))).toBe('ادج [ةمهم] ةظحالم');
  });

  it('uses isolates to keep a code whole, and never draws the control marks', () => {
    const line = oneLine('رقم الطلب \u2066HQ-2025-00042\u2069 مسجل');
    expect(onPaper(line)).toBe('لجسم HQ-2025-00042 بلطلا مقر');
    expect(line.text).not.toMatch(/[\u2066-\u2069]/);
    expect(line.runs.every((run) => !/[\u200E\u200F\u2066-\u2069]/.test(run.text))).toBe(true);
  });

  it('shows an unisolated ISO date after Arabic reversed, exactly as browsers do', () => {
    expect(onPaper(oneLine('الموافق 2025-02-27'))).toBe('27-02-2025 قفاوملا');
    expect(onPaper(oneLine('الموافق \u20662025-02-27\u2069'))).toBe('2025-02-27 قفاوملا');
  });

  it('lays a Latin paragraph out left to right when asked to detect the direction', () => {
    const line = oneLine('Hello مرحبا world', 'auto');
    expect(line.direction).toBe('ltr');
    expect(onPaper(line)).toBe('Hello ابحرم world');
  });
});

describe('wrapping: lines fit their box and read in order', () => {
  const text = 'أقر أنا الموقّع أدناه بأن جميع البيانات والمستندات المقدمة في هذا الطلب صحيحة وكاملة، وأتحمل المسؤولية المباشرة عن صحتها (المادة 4).';

  it('breaks at spaces in logical order, every line within the width', () => {
    for (const width of [120, 200, 320]) {
      const { lines } = layoutText(text, width, STYLE);
      expect(lines.length).toBeGreaterThan(1);
      for (const line of lines) expect(line.width).toBeLessThanOrEqual(width + 0.01);
      expect(lines.map((l) => l.text).join(' ')).toBe(text);
    }
  });

  it('measures with the shaped glyphs: widths scale with the size and add up over runs', () => {
    const small = measureText('جمعية مأمن 2025', STYLE);
    const large = measureText('جمعية مأمن 2025', { ...STYLE, size: 24 });
    expect(large).toBeCloseTo(small * 2, 5);
    const line = oneLine('جمعية مأمن 2025');
    expect(line.width).toBeCloseTo(line.runs.reduce((sum, run) => sum + run.width, 0), 5);
    // Shaping matters: a joined word is narrower than its letters set apart.
    expect(measureText('مستفيد', STYLE)).toBeLessThan(measureText('م س ت ف ي د', STYLE));
  });

  it('cuts a word longer than the line where it fills the line', () => {
    const long = 'ب'.repeat(300);
    const { lines } = layoutText(long, 100, STYLE);
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) expect(line.width).toBeLessThanOrEqual(100.01);
    expect(lines.map((l) => l.text).join('')).toBe(long);
  });

  it('keeps empty lines between paragraphs', () => {
    expect(layoutText('الأول\n\nالثالث', 300, STYLE).lines.map((l) => l.text)).toEqual(['الأول', '', 'الثالث']);
  });

  it('names a character no font can draw instead of drawing an empty box', () => {
    expect(() => layoutText('اسم 漢', 300, STYLE)).toThrow(MissingGlyphError);
    // A symbol Amiri lacks comes from the fallback face.
    const faces = oneLine('مستلم ✓').runs.map((r) => r.face.key);
    expect(faces).toContain('DejaVuSans');
  });
});
