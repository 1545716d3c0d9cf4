import { describe, it, expect } from 'vitest';
import {
  latinNameKey,
  nameTokens,
  normaliseArabic,
  phoneticKey,
  stripDefiniteArticle,
  stripInvisibleMarks,
} from '../../src-shared/domain/arabic-text';

describe('normaliseArabic', () => {
  it('strips harakat, shadda, superscript alef and tatweel', () => {
    expect(normaliseArabic('مُحَمَّد')).toBe('محمد');
    expect(normaliseArabic('عبـــدالرحمٰن')).toBe('عبدالرحمن');
    expect(normaliseArabic('سَعِيدٌ')).toBe('سعيد');
  });

  it('unifies the hamza seats on alef and the other usual variants', () => {
    expect(normaliseArabic('أحمد إبراهيم آمنة ٱلله')).toBe('احمد ابراهيم امنه الله');
    expect(normaliseArabic('فاطمة')).toBe(normaliseArabic('فاطمه'));
    expect(normaliseArabic('مصطفى')).toBe('مصطفي');
    expect(normaliseArabic('مؤمن')).toBe('مومن');
    expect(normaliseArabic('هائل')).toBe('هايل');
  });

  it('folds Persian and Urdu letter forms', () => {
    expect(normaliseArabic('\u06be\u06cc\u06a9')).toBe('هيك');
  });

  it('removes direction marks and zero-width characters', () => {
    expect(normaliseArabic('\u200fعلي\u200e \u202bحسن\u202c\u2067\u2069\u200b\ufeff')).toBe('علي حسن');
  });

  it('unifies Arabic-Indic, Persian and Latin digits', () => {
    expect(normaliseArabic('شقة ١٢ / ۳4')).toBe('شقه 12 / 34');
  });

  it('lower-cases Latin letters and collapses whitespace', () => {
    expect(normaliseArabic('  Ahmed \t  AL-Harbi\n')).toBe('ahmed al-harbi');
  });

  it('composes decomposed letters and unfolds presentation forms from PDFs', () => {
    expect(normaliseArabic('\u0627\u0653')).toBe('ا'); // ا + combining madda = آ
    expect(normaliseArabic('\ufefb')).toBe('لا'); // lam-alef ligature
  });

  it('writes "عبد الله" and "عبدالله" the same way', () => {
    expect(normaliseArabic('عبد الله')).toBe('عبدالله');
    expect(normaliseArabic('عبدالله')).toBe('عبدالله');
    expect(normaliseArabic('عَبْد الرَّحْمَن')).toBe('عبدالرحمن');
    expect(normaliseArabic('محمد عبد العزيز')).toBe('محمد عبدالعزيز');
  });

  it('writes "أبو بكر" and "ابوبكر" the same way', () => {
    expect(normaliseArabic('أبو بكر')).toBe('ابوبكر');
    expect(normaliseArabic('ابو بكر')).toBe('ابوبكر');
    expect(normaliseArabic('ابوبكر')).toBe('ابوبكر');
  });

  it('does not glue "عبد" to a following word without the article', () => {
    expect(normaliseArabic('عبد ربه')).toBe('عبد ربه');
  });
});

describe('stripInvisibleMarks', () => {
  it('removes only invisible characters', () => {
    expect(stripInvisibleMarks('\u200f٠٥٥\u200e')).toBe('٠٥٥');
  });
});

describe('nameTokens', () => {
  it('splits on spaces and punctuation and drops the lineage connectors', () => {
    expect(nameTokens('محمد بن عبد الله، بن سعود')).toEqual(['محمد', 'عبدالله', 'سعود']);
    expect(nameTokens('نورة بنت علي - ابن')).toEqual(['نوره', 'علي']);
    expect(nameTokens('إبن خالد')).toEqual(['خالد']);
  });

  it('gives nothing for blank text', () => {
    expect(nameTokens('  \u200f ')).toEqual([]);
  });
});

describe('stripDefiniteArticle', () => {
  it('drops a leading article when at least two letters remain', () => {
    expect(stripDefiniteArticle('الحربي')).toBe('حربي');
    expect(stripDefiniteArticle('الشمري')).toBe('شمري');
  });

  it('leaves short words and words without the article alone', () => {
    expect(stripDefiniteArticle('ال')).toBe('ال');
    expect(stripDefiniteArticle('الم')).toBe('الم');
    expect(stripDefiniteArticle('حربي')).toBe('حربي');
  });
});

describe('phoneticKey', () => {
  it.each([
    ['أحمد', 'احمد'],
    ['فاطمة', 'فاطمه'],
    ['عبد الله', 'عبدالله'],
    ['محمد', 'مُحَمَّد'],
    ['الحربي', 'حربي'],
    ['سعيد', 'صعيد'],
    ['ضياء', 'ظياء'],
    ['طلال', 'تلال'],
    ['قاسم', 'كاسم'],
    ['محمد بن علي', 'محمد علي'],
  ])('gives %s and %s the same key', (a, b) => {
    expect(phoneticKey(a)).toBe(phoneticKey(b));
  });

  it.each([
    ['محمد', 'أحمد'],
    ['حسن', 'هاني'],
    ['علي', 'ولي'],
    ['خالد', 'حامد'],
    ['غانم', 'قانم'],
  ])('keeps %s and %s apart', (a, b) => {
    expect(phoneticKey(a)).not.toBe(phoneticKey(b));
  });

  it('keeps one key per word, in order', () => {
    expect(phoneticKey('محمد الحربي')).toBe(`${phoneticKey('محمد')} ${phoneticKey('حربي')}`);
    expect(phoneticKey('محمد الحربي').split(' ')).toHaveLength(2);
  });

  it('gives an empty key for blank text', () => {
    expect(phoneticKey('')).toBe('');
  });
});

describe('latinNameKey', () => {
  it('lower-cases, drops accents and punctuation, collapses spaces', () => {
    expect(latinNameKey('  Al-Harbi,  José ')).toBe('alharbi jose');
    expect(latinNameKey("O'Neil\tSMITH")).toBe('oneil smith');
  });
});
