import type { FormData } from '../../../src-shared/contract/forms';
import type { Block } from '../form-blocks';
import { ltr } from '../form-document';
import { dateAndTime, personRows } from './form-parts';

/** (b) personal-data consent, (c) referral to the social researcher, (e) queue ticket. */

export function dataConsentBlocks(data: FormData<'data_consent'>): Block[] {
  return [
    { kind: 'title', text: 'إقرار وموافقة على معالجة البيانات الشخصية' },
    { kind: 'fields', rows: personRows(data.person, 'اسم صاحب البيانات') },
    { kind: 'paragraph', text: 'أنا الموقّع أدناه، بعد اطلاعي على ما يلي وفهمه:', bold: true },
    { kind: 'list', items: data.clauses, numbered: true },
    {
      kind: 'signatures',
      boxes: [
        { label: 'توقيع صاحب البيانات', name: data.person.fullName, image: null, note: 'التاريخ: ____ / ____ / ________' },
        { label: 'الموظف المختص', name: data.receptionistName, image: null },
      ],
    },
  ];
}

export function researcherReferralBlocks(data: FormData<'researcher_referral'>): Block[] {
  const { referral } = data;
  return [
    { kind: 'title', text: 'إحالة إلى الباحث الاجتماعي' },
    { kind: 'fields', rows: personRows(data.beneficiary, 'اسم المستفيد') },
    {
      kind: 'fields',
      rows: [
        { label: 'رقم الإحالة', value: ltr(referral.reference) },
        ...(referral.requestReference ? [{ label: 'رقم الطلب', value: ltr(referral.requestReference) }] : []),
        { label: 'تاريخ الإحالة', value: dateAndTime(referral.referredAt) },
        { label: 'المحيل', value: referral.referredByName },
      ],
    },
    { kind: 'section', text: 'سبب الإحالة' },
    { kind: 'paragraph', text: referral.reason, framed: true },
    {
      kind: 'paragraph',
      text: 'يُرجى من الباحث الاجتماعي الإجابة على تساؤلات المستفيد وإيضاح الجوانب التنظيمية للإجراءات، ثم إعادته إلى موظف الاستقبال لاستكمال طلبه.',
    },
    { kind: 'signatures', boxes: [{ label: 'الباحث الاجتماعي', name: null, image: null }, { label: 'المستفيد', name: data.beneficiary.fullName, image: null }] },
  ];
}

export function queueTicketBlocks(data: FormData<'queue_ticket'>): Block[] {
  const { ticket } = data;
  return [
    { kind: 'banner', text: 'رقم الانتظار', size: 11 },
    { kind: 'banner', text: ltr(ticket.number), size: 34 },
    { kind: 'banner', text: ticket.serviceName, size: 13 },
    ...(ticket.priorityName ? [{ kind: 'banner', text: ticket.priorityName, size: 10 } as const] : []),
    ...(ticket.waitingAhead === null ? [] : [{ kind: 'banner', text: `أمامك في الانتظار: ${ticket.waitingAhead}`, size: 10 } as const]),
    { kind: 'banner', text: dateAndTime(data.issuedAt), size: 8.5 },
    { kind: 'banner', text: 'يسعدنا خدمتك، نرجو الانتظار حتى يُنادى رقمك.', size: 9 },
  ];
}

