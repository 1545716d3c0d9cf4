import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { markdownSections, parseMarkdown, plainTextSections } from '../../src-shared/domain/knowledge-markdown';
import { POLICY_MARKDOWN } from '../../src-main/services/knowledge-seed-policy';

describe('knowledge Markdown', () => {
  it('reads headings, paragraphs and nested numbered lists', () => {
    const blocks = parseMarkdown('# عنوان\n\nفقرة أولى\nتكملتها\n\n1. أول\n2. ثان\n   1. فرعي\n3. ثالث\n\n- نقطة');
    expect(blocks).toEqual([
      { type: 'heading', level: 1, text: 'عنوان', section: 1 },
      { type: 'paragraph', text: 'فقرة أولى تكملتها' },
      {
        type: 'list', ordered: true, start: 1, items: [
          { text: 'أول', children: null },
          { text: 'ثان', children: { type: 'list', ordered: true, start: 1, items: [{ text: 'فرعي', children: null }] } },
          { text: 'ثالث', children: null },
        ],
      },
      { type: 'list', ordered: false, start: 1, items: [{ text: 'نقطة', children: null }] },
    ]);
  });

  it('cuts the policy into one section per heading, numbered as the reader numbers them', () => {
    const sections = markdownSections(POLICY_MARKDOWN);
    expect(sections.map((s) => s.heading)).toEqual([
      'سياسة علاقات المستفيدين',
      'جمعية مأمن لرعاية السجناء وأسرهم بمنطقة جازان',
      'الهدف العام',
      'الأهداف التفصيلية',
      'القنوات المستخدمة للتواصل مع المستفيدين',
      'الأدوات المتاحة لموظف علاقات المستفيدين للتواصل مع المستفيدين',
      'إجراءات التعامل مع المستفيد',
      'اعتماد مجلس الإدارة',
    ]);
    expect(sections.map((s) => s.position)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(sections[4]!.body.split('\n')).toHaveLength(8);
  });

  it('groups pasted text into sections by paragraphs', () => {
    const text = Array.from({ length: 6 }, (_, i) => `فقرة ${i} ${'نص '.repeat(100)}`).join('\n\n');
    const sections = plainTextSections(text, 700);
    expect(sections.length).toBe(3);
    expect(sections.every((s) => s.heading === null)).toBe(true);
  });

  it('seeds exactly the policy text shipped in resources/knowledge', () => {
    const shipped = readFileSync(new URL('../../resources/knowledge/beneficiary-relations-policy.ar.md', import.meta.url), 'utf8');
    expect(POLICY_MARKDOWN).toBe(shipped);
  });
});
