import type { FormData } from '../../../src-shared/contract/forms';
import type { Block } from '../form-blocks';
import { ltr } from '../form-document';
import { bothCalendars, dateAndTime, personRows } from './form-parts';

/** (f) the research committee's decision letter and (g) the delivery acknowledgement (policy step 7). */

export function committeeDecisionBlocks(data: FormData<'committee_decision'>): Block[] {
  const { decision, request } = data;
  const accepted = decision.outcome === 'accepted';
  return [
    { kind: 'title', text: 'خطاب قرار لجنة البحث' },
    { kind: 'paragraph', text: `المكرم/ ${data.beneficiary.fullName}   المحترم`, bold: true },
    { kind: 'paragraph', text: 'السلام عليكم ورحمة الله وبركاته، وبعد:' },
    {
      kind: 'paragraph',
      text: `نفيدكم بأن ${decision.committeeName} درست طلبكم رقم ${ltr(request.reference)} (${request.typeName}) المقدم بتاريخ ${bothCalendars(request.submittedAt)}، وقررت بتاريخ ${bothCalendars(decision.decidedAt)}:`,
    },
    { kind: 'banner', text: accepted ? 'قبول الطلب' : 'عدم قبول الطلب', size: 16 },
    ...(decision.reason ? [{ kind: 'section', text: accepted ? 'ملاحظات اللجنة' : 'سبب القرار' } as const, { kind: 'paragraph', text: decision.reason, framed: true } as const] : []),
    {
      kind: 'paragraph',
      text: accepted
        ? 'سيتواصل معكم موظف علاقات المستفيدين لاستكمال إجراءات تقديم الخدمة.'
        : 'يمكنكم مراجعة الجمعية للاستفسار عن القرار أو تقديم طلب جديد متى تغيرت ظروفكم.',
    },
    { kind: 'fields', rows: personRows(data.beneficiary, 'المستفيد') },
    { kind: 'signatures', boxes: [{ label: decision.signatoryTitle, name: decision.signatoryName, image: null }] },
  ];
}

export function deliveryAcknowledgementBlocks(data: FormData<'delivery_acknowledgement'>, signature: Buffer): Block[] {
  return [
    { kind: 'title', text: 'إقرار استلام خدمة' },
    { kind: 'fields', rows: personRows(data.beneficiary, 'اسم المستلم') },
    {
      kind: 'fields',
      rows: [
        { label: 'رقم الطلب', value: ltr(data.request.reference) },
        { label: 'نوع الطلب', value: data.request.typeName },
        { label: 'تاريخ التسليم', value: dateAndTime(data.deliveredAt) },
        { label: 'سلّمها', value: data.deliveredByName },
      ],
    },
    { kind: 'section', text: 'ما تم استلامه' },
    { kind: 'list', items: data.items.map((item) => (item.quantity ? `${item.description} — ${item.quantity}` : item.description)), numbered: true },
    { kind: 'paragraph', text: 'أقر بأنني استلمت ما ورد أعلاه كاملاً وبحالة سليمة.', framed: true, bold: true },
    {
      kind: 'signatures',
      boxes: [
        { label: 'توقيع المستلم', name: data.signature.signerName, image: signature, note: bothCalendars(data.signature.signedAt) },
        { label: 'الموظف المسلِّم', name: data.deliveredByName, image: null },
      ],
    },
  ];
}
