import { FormContent, type FormKind } from '../../../src-shared/contract/forms';
import { faceChain, faceFor, MissingGlyphError } from '../font-faces';
import type { Block } from '../form-blocks';
import { renderFormPdf, type PageFormat } from '../form-document';
import { decodePng, requireInk } from '../png-image';
import { committeeDecisionBlocks, deliveryAcknowledgementBlocks } from './decision-forms';
import { dataConsentBlocks, queueTicketBlocks, researcherReferralBlocks } from './desk-forms';
import { submissionReceiptBlocks, supportRequestBlocks } from './request-forms';

/** The printed title of each form kind (also the PDF's Title). */
export const FORM_TITLES: Readonly<Record<FormKind, string>> = {
  support_request: 'طلب دعم مستفيد',
  data_consent: 'إقرار وموافقة على معالجة البيانات الشخصية',
  researcher_referral: 'إحالة إلى الباحث الاجتماعي',
  submission_receipt: 'إيصال استلام طلب دعم',
  queue_ticket: 'تذكرة انتظار',
  committee_decision: 'خطاب قرار لجنة البحث',
  delivery_acknowledgement: 'إقرار استلام خدمة',
};

export type FormIdentity = { documentNo: string; verificationCode: string };

/** What the QR code of a form holds: the verify screen's route (a desk scanner types it into the code field). */
export function verifyLink(code: string): string {
  return `mamen://verify/${code}`;
}

/** A field of the data holds a character no font can draw; `path` names it (e.g. `person.fullName`). */
export class UnprintableFieldError extends Error {
  constructor(
    readonly path: string,
    readonly character: string,
  ) {
    super(`The field ${path} holds a character the printed forms cannot draw.`);
    this.name = 'UnprintableFieldError';
  }
}

const IMAGE_FIELDS = new Set(['imagePng']);

/** Refuses, by field, any character none of the faces has: never an empty box on paper. */
function checkPrintable(value: unknown, path: string[]): void {
  if (typeof value === 'string') {
    const chains = [faceChain('regular'), faceChain('bold')];
    for (const ch of value) {
      const code = ch.codePointAt(0) ?? 0;
      if (code < 0x20 || /[\u061C\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/.test(ch)) continue;
      try {
        for (const chain of chains) faceFor(code, chain);
      } catch (error) {
        if (error instanceof MissingGlyphError) throw new UnprintableFieldError(path.join('.'), ch);
        throw error;
      }
    }
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => checkPrintable(item, [...path, String(i)]));
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) if (!IMAGE_FIELDS.has(key)) checkPrintable(item, [...path, key]);
  }
}

function signatureImage(base64: string): Buffer {
  const bytes = Buffer.from(base64, 'base64');
  requireInk(decodePng(bytes));
  return bytes;
}

function blocksOf(content: FormContent): { format: PageFormat; blocks: Block[] } {
  switch (content.kind) {
    case 'support_request':
      return { format: 'a4', blocks: supportRequestBlocks(content.data, signatureImage(content.data.signature.imagePng)) };
    case 'data_consent':
      return { format: 'a4', blocks: dataConsentBlocks(content.data) };
    case 'researcher_referral':
      return { format: 'a4', blocks: researcherReferralBlocks(content.data) };
    case 'submission_receipt':
      return { format: 'a4', blocks: submissionReceiptBlocks(content.data) };
    case 'queue_ticket':
      return { format: 'roll80', blocks: queueTicketBlocks(content.data) };
    case 'committee_decision':
      return { format: 'a4', blocks: committeeDecisionBlocks(content.data) };
    case 'delivery_acknowledgement':
      return { format: 'a4', blocks: deliveryAcknowledgementBlocks(content.data, signatureImage(content.data.signature.imagePng)) };
  }
}

/**
 * Renders a form from its content (validated against its data shape first) and identity. Pure:
 * the same content and identity give the same bytes. Throws a ZodError for missing or oversized
 * fields, PngImageError for a signature that is not a PNG or is blank, UnprintableFieldError for a
 * character no font has.
 */
export async function renderForm(input: FormContent, identity: FormIdentity): Promise<Buffer> {
  const content = FormContent.parse(input);
  checkPrintable(content.data, []);
  const { format, blocks } = blocksOf(content);
  return renderFormPdf({
    format,
    blocks,
    frame: {
      title: FORM_TITLES[content.kind],
      associationName: content.data.associationName,
      branchName: content.data.branchName,
      issuedAt: content.data.issuedAt,
      documentNo: identity.documentNo,
      verificationCode: identity.verificationCode,
      qrText: verifyLink(identity.verificationCode),
    },
  });
}
