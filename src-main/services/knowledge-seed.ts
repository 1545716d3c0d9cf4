import { markdownSections } from '../../src-shared/domain/knowledge-markdown';
import type { KnowledgeTool } from '../../src-shared/contract/knowledge';
import type { ServiceContext } from './context';
import { POLICY_MARKDOWN } from './knowledge-seed-policy';
import { replaceSections } from '../store/knowledge';
import { insertTravelling, type WriteStamp } from '../store/row-writer';

/*
 * What the knowledge base holds on first run. Fixed ids: every install seeds the same four rows, so
 * when installs sync they meet the same documents instead of four copies each, and an administrator's
 * later upload to one of them is an update of a row every install already has.
 */
export const SEEDED_DOCUMENTS: ReadonlyArray<{ id: string; tool: KnowledgeTool; title: string; description: string | null; markdown: string | null; sourceNote: string | null }> = [
  {
    id: '01950000-0000-7000-8000-000000000001',
    tool: 'support_policy_guide',
    title: 'سياسة علاقات المستفيدين',
    description: 'السياسة المعتمدة من مجلس الإدارة: الأهداف، قنوات التواصل الثمانية، أدوات الموظف، وإجراءات التعامل مع المستفيد خطوة بخطوة.',
    markdown: POLICY_MARKDOWN,
    sourceNote: 'اعتمدها مجلس الإدارة في 28/08/1446هـ الموافق 27/02/2025م.',
  },
  { id: '01950000-0000-7000-8000-000000000002', tool: 'bylaws', title: 'النظام الأساسي للجمعية', description: null, markdown: null, sourceNote: null },
  { id: '01950000-0000-7000-8000-000000000003', tool: 'research_services_guide', title: 'دليل خدمات البحث الاجتماعي', description: null, markdown: null, sourceNote: null },
  { id: '01950000-0000-7000-8000-000000000004', tool: 'support_request_form', title: 'نموذج طلب الدعم', description: null, markdown: null, sourceNote: null },
];

/** Seeds the knowledge base in the setup transaction; documents without text are entries to fill («لم يُرفع بعد»). */
export async function seedKnowledgeBase(ctx: ServiceContext, branchId: string, stamp: WriteStamp): Promise<void> {
  for (const doc of SEEDED_DOCUMENTS) {
    const existing = await ctx.db.selectFrom('knowledge_documents').select('id').where('id', '=', doc.id).executeTakeFirst();
    if (existing) continue;
    await insertTravelling(
      ctx.db,
      'knowledge_documents',
      {
        id: doc.id,
        branch_id: branchId,
        tool: doc.tool,
        title: doc.title,
        description: doc.description,
        status: doc.markdown ? 'active' : 'missing',
        format: doc.markdown ? 'markdown' : null,
        markdown: doc.markdown,
        pdf_sha256: null,
        pdf_file_name: null,
        pdf_size: null,
        pdf_text: null,
        source_note: doc.sourceNote,
        created_by: stamp.userId,
        updated_by: stamp.userId,
      },
      stamp,
    );
    if (doc.markdown) await replaceSections(ctx.db, doc.id, markdownSections(doc.markdown));
  }
}
