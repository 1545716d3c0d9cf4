import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { KnowledgeHit } from '../../src-shared/contract/knowledge';
import { setUpStore, userOf, type TestStore } from './support/test-runtime';

let s: TestStore;
beforeEach(async () => {
  s = await setUpStore();
});
afterEach(async () => {
  await s.close();
});

const POLICY_ID = '01950000-0000-7000-8000-000000000001';
const hitText = (hit: KnowledgeHit) => hit.snippet.map((p) => p.text).join('');
const marked = (hit: KnowledgeHit) => hit.snippet.filter((p) => p.hit).map((p) => p.text);
const search = async (query: string) => (await s.admin.call('knowledge.search', { query })).hits;
const count = (table: string) => (s.runtime.store.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
const fakePdf = (text: string) => Buffer.from(`%PDF-1.4\n% ${text}\n%%EOF\n`).toString('base64');

describe('knowledge base: seeded on first run', () => {
  it('holds the Beneficiary Relations Policy and three tools still to be supplied', async () => {
    const { documents } = await s.admin.call('knowledge.list', {});
    expect(documents.map((d) => [d.tool, d.status])).toEqual([
      ['bylaws', 'missing'],
      ['research_services_guide', 'missing'],
      ['support_policy_guide', 'active'],
      ['support_request_form', 'missing'],
    ]);
    const policy = await s.admin.call('knowledge.get', { id: POLICY_ID });
    expect(policy.title).toBe('سياسة علاقات المستفيدين');
    expect(policy.markdown).toContain('## إجراءات التعامل مع المستفيد');
    expect(policy.sectionCount).toBeGreaterThanOrEqual(6);
  });

  it('finds the policy right after setup, with the hit marked in the text as written', async () => {
    const hits = await search('القنوات');
    expect(hits[0]).toMatchObject({ documentId: POLICY_ID, heading: 'القنوات المستخدمة للتواصل مع المستفيدين' });
    const steps = await search('مسؤول البحث الاجتماعي');
    expect(steps[0]?.heading).toBe('إجراءات التعامل مع المستفيد');
    expect(marked(steps[0]!).slice(0, 3)).toEqual(['لمسؤول', 'البحث', 'الاجتماعي']);
  });
});

describe('knowledge base: Arabic search', () => {
  it('finds «المستفيد» however it is written: harakat, hamza, taa marbuta, clitics', async () => {
    for (const query of ['المستفيد', 'المُسْتَفِيد', 'مستفيد', 'للمستفيدين', 'والمستفيد', 'المستـفيد']) {
      const hits = await search(query);
      expect(hits.length, query).toBeGreaterThan(0);
      expect(hits.every((h) => h.documentId === POLICY_ID), query).toBe(true);
    }
    // Hamza seat and taa marbuta folded: «إجراءات» typed as «اجراءات», «الجمعية» as «الجمعيه».
    expect((await search('اجراءات التعامل'))[0]?.heading).toBe('إجراءات التعامل مع المستفيد');
    expect((await search('الجمعيه')).length).toBeGreaterThan(0);
    const hit = (await search('المستفيد'))[0]!;
    expect(marked(hit).every((word) => word.includes('مستفيد'))).toBe(true);
  });

  it('returns nothing for text that is not in any document, and for an empty query', async () => {
    expect(await search('حاسوب')).toEqual([]);
    expect(await search('   ')).toEqual([]);
    expect(await search('"*) OR (')).toEqual([]);
  });
});

describe('knowledge base: administrators keep it', () => {
  it('fills a missing tool with Markdown; search finds it; retiring takes it out of search', async () => {
    const bylaws = '01950000-0000-7000-8000-000000000002';
    const saved = await s.admin.call('knowledge.save', {
      id: bylaws,
      document: { tool: 'bylaws', title: 'النظام الأساسي للجمعية', content: { format: 'markdown', markdown: '# الباب الأول\n\nتُسمّى الجمعية «جمعية مأمن» ومقرّها مدينة جازان.' } },
    });
    expect(saved).toMatchObject({ status: 'active', format: 'markdown', textSource: 'markdown', sectionCount: 1 });
    expect((await search('مقرها'))[0]?.documentId).toBe(bylaws);
    await s.admin.call('knowledge.setRetired', { id: bylaws, retired: true });
    expect(await search('مقرها')).toEqual([]);
    expect((await s.admin.call('knowledge.list', {})).documents.map((d) => d.id)).not.toContain(bylaws);
    expect((await s.admin.call('knowledge.list', { includeRetired: true })).documents.map((d) => d.id)).toContain(bylaws);
  });

  it('stores an uploaded PDF once per content beside the store and searches only the pasted text', async () => {
    const form = '01950000-0000-7000-8000-000000000004';
    const content = fakePdf('support request form');
    const doc = await s.admin.call('knowledge.save', {
      id: form,
      document: { tool: 'support_request_form', title: 'نموذج طلب الدعم', content: { format: 'pdf', fileName: 'form.pdf', contentBase64: content, pdfText: 'يُعبّأ النموذج بخط واضح ويُرفق معه صورة الهوية.' } },
    });
    expect(doc).toMatchObject({ format: 'pdf', textSource: 'pasted', pdfFileName: 'form.pdf' });
    expect(doc.pdfSha256).toMatch(/^[0-9a-f]{64}$/);
    const other = await s.admin.call('knowledge.save', {
      document: { tool: 'other', title: 'نسخة أخرى', content: { format: 'pdf', fileName: 'copy.PDF', contentBase64: content } },
    });
    expect(other).toMatchObject({ pdfSha256: doc.pdfSha256, textSource: 'none', sectionCount: 0 });
    const fan = doc.pdfSha256!.slice(0, 2);
    expect(readdirSync(join(s.dir, 'knowledge-files'))).toEqual([fan]);
    expect(readdirSync(join(s.dir, 'knowledge-files', fan))).toEqual([`${doc.pdfSha256!.slice(2)}.pdf`]);
    expect(existsSync(join(s.dir, 'knowledge-files', fan, `${doc.pdfSha256!.slice(2)}.pdf`))).toBe(true);
    const file = await s.admin.call('knowledge.pdf', { id: form });
    expect(file.contentBase64).toBe(content);
    expect(marked((await search('الهويه'))[0]!)).toEqual(['الهوية']);
  });

  it('refuses an unsupported type, a file that is not a PDF, and an oversize file; nothing is written', async () => {
    const before = { docs: count('knowledge_documents'), log: count('change_log') };
    const docx = await s.admin.raw('knowledge.save', {
      document: { tool: 'other', title: 'دليل', content: { format: 'pdf', fileName: 'guide.docx', contentBase64: fakePdf('x') } },
    });
    expect(docx).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    if (!docx.ok) expect(docx.error.fields?.['document.content.fileName']?.message.ar).toContain('تُقبل ملفات PDF فقط');

    const disguised = await s.admin.raw('knowledge.save', {
      document: { tool: 'other', title: 'دليل', content: { format: 'pdf', fileName: 'guide.pdf', contentBase64: Buffer.from('PK\u0003\u0004 zip').toString('base64') } },
    });
    expect(disguised).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: { ar: expect.stringContaining('تُقبل ملفات PDF فقط') } } });

    const big = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(5 * 1024 * 1024)]).toString('base64');
    const oversize = await s.admin.raw('knowledge.save', {
      document: { tool: 'other', title: 'دليل', content: { format: 'pdf', fileName: 'guide.pdf', contentBase64: big } },
    });
    expect(oversize).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    if (!oversize.ok) expect(oversize.error.fields?.['document.content.contentBase64']?.message.ar).toBe('الملف أكبر من الحد المسموح (٥ ميغابايت).');

    expect({ docs: count('knowledge_documents'), log: count('change_log') }).toEqual(before);
    expect(existsSync(join(s.dir, 'knowledge-files'))).toBe(false);
  });

  it('lets every role search but only administrators edit', async () => {
    const { branches } = await s.admin.call('branches.list', {});
    const desk = await userOf(s, 'reception', branches[0]!.id, 'desk.one');
    expect((await desk.call('knowledge.search', { query: 'المقابلة' })).hits.length).toBeGreaterThan(0);
    const refused = await desk.raw('knowledge.save', { document: { tool: 'other', title: 'x', content: { format: 'markdown', markdown: 'x' } } });
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

it('a snippet is cut from the text with its own harakat', async () => {
  const saved = await s.admin.call('knowledge.save', {
    document: { tool: 'other', title: 'تعميم', content: { format: 'markdown', markdown: 'يُستقبَل المُستفيدُ بلباقةٍ واحترام.' } },
  });
  const hit = (await search('المستفيد')).find((h) => h.documentId === saved.id)!;
  expect(hitText(hit)).toBe('يُستقبَل المُستفيدُ بلباقةٍ واحترام.');
  expect(marked(hit)).toEqual(['المُستفيدُ']);
});
