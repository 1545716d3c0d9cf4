import { describe, expect, it } from 'vitest';
import { hitSpans, indexForms, indexText, queryStems, searchMatch, snippet } from '../../src-main/store/knowledge-terms';

describe('knowledge search: building the FTS5 query', () => {
  it('normalises harakat, tatweel and letter variants, drops the article, and asks for prefixes', () => {
    expect(searchMatch('المُسْتَفِيـد')).toBe('"مستفيد"*');
    expect(searchMatch('إجراءات الجمعية')).toBe('"اجراءات"* AND "جمعيه"*');
    expect(searchMatch('للمستفيدين')).toBe('"مستفيدين"*');
  });

  it('keeps FTS5 syntax out of the query and ignores one-letter words', () => {
    expect(searchMatch('"*) OR NEAR(')).toBe('"or"* AND "near"*');
    expect(searchMatch('و في')).toBe('"في"*');
    expect(searchMatch('  ')).toBeNull();
    expect(searchMatch('؟!')).toBeNull();
  });

  it('caps the number of words and removes repeats', () => {
    expect(queryStems('المستفيد مستفيد')).toEqual(['مستفيد']);
    expect(queryStems(Array.from({ length: 30 }, (_, i) => `كلمة${i}`).join(' '))).toHaveLength(12);
  });
});

describe('knowledge search: indexing', () => {
  it('indexes a word as written and without its article or a joined clitic', () => {
    expect(indexForms('والمستفيد')).toEqual(['والمستفيد', 'مستفيد', 'المستفيد']);
    expect(indexForms('للمستفيدين')).toEqual(['للمستفيدين', 'مستفيدين', 'لمستفيدين']);
    expect(indexForms('بيان')).toEqual(['بيان', 'يان']);
    expect(indexText('يُستقبَل المُستفيدُ')).toBe('يستقبل المستفيد مستفيد');
  });
});

describe('knowledge search: snippets', () => {
  it('marks whole words as written, harakat included', () => {
    const text = 'يُستقبَل المُستفيدُ بلباقةٍ';
    const [span] = hitSpans(text, ['مستفيد']);
    expect(text.slice(span!.start, span!.end)).toBe('المُستفيدُ');
  });

  it('cuts long text around the first hit at word boundaries', () => {
    const text = `${'كلام '.repeat(60)}المستفيد ${'نص '.repeat(100)}`;
    const parts = snippet(text, ['مستفيد']);
    expect(parts[0]).toEqual({ text: '… ', hit: false });
    expect(parts.find((p) => p.hit)?.text).toBe('المستفيد');
    expect(parts[parts.length - 1]).toEqual({ text: ' …', hit: false });
    expect(parts.map((p) => p.text).join('').length).toBeLessThan(text.length);
  });

  it('shows the stretch where most query words appear together', () => {
    const text = `المستفيد ${'كلام '.repeat(80)}يُبلَّغ المستفيد بالرد خلال أسبوعين`;
    const marks = snippet(text, ['مستفيد', 'اسبوعين']).filter((p) => p.hit).map((p) => p.text);
    expect(marks).toEqual(['المستفيد', 'أسبوعين']);
  });
});
