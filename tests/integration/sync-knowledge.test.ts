import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { syncFiles } from '../../src-main/sync/file-transfer';
import { DIALECTS, firstDesk, startHeadOffice, type Desk, type HeadOfficeHarness } from './support/sync-harness';

const b64 = (text: string) => Buffer.from(text, 'latin1').toString('base64');
const pdf = (label: string) => b64(`%PDF-1.4\n1 0 obj <</Type/Catalog/Pages 2 0 R>> endobj\n2 0 obj <</Type/Pages/Kids[]/Count 0>> endobj\n% ${label}\ntrailer <</Root 1 0 R>>\n%%EOF\n`);
const moveFiles = (desk: Desk) => syncFiles(desk.runtime.store.db, desk.server, { path: desk.runtime.store.path, key: desk.runtime.store.key }, desk.enrolment.branchId, () => new Date());

describe.each(DIALECTS)('the knowledge base reaches every branch on %s', (dialect) => {
  let ho: HeadOfficeHarness;
  const desks: Desk[] = [];
  beforeEach(async () => { ho = await startHeadOffice(dialect); });
  afterEach(async () => {
    for (const desk of desks.splice(0)) await desk.close();
    await ho.close();
  });

  async function twoBranches(): Promise<{ hq: Desk; branch: Desk }> {
    const hq = await firstDesk(ho, 'HQ');
    const branch = await firstDesk(ho, 'SBY');
    desks.push(hq, branch);
    return { hq, branch };
  }

  const search = async (desk: Desk, query: string) => (await desk.admin.call('knowledge.search', { query })).hits.map((h) => h.documentId);

  it('makes a document written at head office searchable at a branch once pulled, and follows its edits', async () => {
    const { hq, branch } = await twoBranches();
    const saved = await hq.admin.call('knowledge.save', {
      document: { tool: 'other', title: 'دليل الاستقبال', content: { format: 'markdown', markdown: '# الاستقبال\n\nيُستقبل المراجع بلطف ويُعطى رقم انتظار.' } },
    });
    await hq.sync();
    expect(await search(branch, 'انتظار')).toEqual([]);
    await branch.sync();
    expect(await search(branch, 'انتظار')).toEqual([saved.id]);

    await hq.admin.call('knowledge.save', {
      id: saved.id,
      document: { tool: 'other', title: 'دليل الاستقبال', content: { format: 'markdown', markdown: '# الاستقبال\n\nيُسجَّل المراجع في شاشة الطابور.' } },
    });
    await hq.sync();
    await branch.sync();
    expect(await search(branch, 'الطابور')).toEqual([saved.id]);
    expect(await search(branch, 'انتظار')).toEqual([]);
    const sections = await branch.runtime.store.db.selectFrom('knowledge_sections').select('id').where('document_id', '=', saved.id).execute();
    expect(sections).toHaveLength(1);
  });

  it('brings a knowledge PDF and its pasted text to another branch, the file verified on its shelf', async () => {
    const { hq, branch } = await twoBranches();
    const content = pdf('support policy guide');
    const saved = await hq.admin.call('knowledge.save', {
      document: { tool: 'other', title: 'دليل سياسة الدعم', content: { format: 'pdf', fileName: 'guide.pdf', contentBase64: content, pdfText: 'تُصرف المساعدة بعد قرار اللجنة.' } },
    });
    await hq.sync();
    expect(await moveFiles(hq)).toMatchObject({ uploaded: 1, failed: 0 });
    await branch.sync();
    expect(await search(branch, 'اللجنة')).toContain(saved.id);
    expect(await moveFiles(branch)).toMatchObject({ downloaded: 1, failed: 0 });
    expect((await branch.admin.call('knowledge.pdf', { id: saved.id })).contentBase64).toBe(content);
  });
});
