import { crc32, deflateSync } from 'node:zlib';
import type { MethodInput } from '../../../src-shared/contract';
import type { Caller } from './test-runtime';

function chunk(type: string, body: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(body.length);
  const typed = Buffer.concat([Buffer.from(type, 'latin1'), body]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed) >>> 0);
  return Buffer.concat([length, typed, crc]);
}

/**
 * An RGBA PNG like signature_pad exports: transparent, with a dark stroke across the middle
 * when `inked` (a diagonal line a few pixels wide), or nothing at all when not.
 */
export function signaturePng(inked: boolean, width = 200, height = 80): Buffer {
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 4); // filter byte 0, then pixels
    if (inked) {
      for (let x = 0; x < width; x++) {
        const lineY = Math.round((x / width) * (height - 1));
        if (Math.abs(lineY - y) <= 2) row.writeUInt32BE(0x111133ff, 1 + x * 4);
      }
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8;
  header[9] = 6;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A small, well-formed one-page PDF (a "scan"), different per `label` so each has its own hash. */
export function pdfBytes(label: string): Buffer {
  return Buffer.from(`%PDF-1.4\n1 0 obj <</Type/Catalog/Pages 2 0 R>> endobj\n2 0 obj <</Type/Pages/Kids[]/Count 0>> endobj\n% ${label}\ntrailer <</Root 1 0 R>>\n%%EOF\n`, 'latin1');
}

export function jpegBytes(): Buffer {
  return Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0xff, 0xd9]);
}

export const b64 = (bytes: Buffer) => bytes.toString('base64');

export function rentCaseData(overrides: Partial<MethodInput<'interviews.saveCaseData'>['caseData']> = {}): MethodInput<'interviews.saveCaseData'>['caseData'] {
  return {
    requestTypeCode: 'rent',
    summary: 'متأخرات إيجار ثلاثة أشهر',
    prisonerName: 'سعيد عبدالله الحربي',
    prisonerRelation: 'husband',
    prisonName: 'سجن جازان العام',
    caseStatus: 'sentenced',
    expectedReleaseDate: '1448/03/15',
    monthlyIncome: 1200,
    incomeSources: ['social_security'],
    housingType: 'rented',
    monthlyRent: 1500,
    householdSize: 5,
    ...overrides,
  };
}

/** Marks every document of the request's checklist seen and verified (attaching a scan to the first). */
export async function verifyAllDocuments(desk: Caller, requestId: string, options: { skip?: string[] } = {}): Promise<void> {
  const request = await desk.call('requests.get', { id: requestId });
  let first = true;
  for (const doc of request.documents) {
    if (options.skip?.includes(doc.code)) continue;
    let attachmentId: string | null = null;
    if (first) {
      attachmentId = (await desk.call('attachments.upload', { contentBase64: b64(pdfBytes(doc.code)) })).id;
      first = false;
    }
    await desk.call('requests.markDocument', { requestId, documentTypeCode: doc.code, seen: true, verified: true, attachmentId });
  }
}

const FIRST = ['خالد', 'سلمان', 'ناصر', 'فهد', 'ماجد', 'بندر', 'تركي', 'سامي', 'وليد', 'هاني', 'عادل', 'رائد'];
const FAMILY = ['القحطاني', 'الشهري', 'العتيبي', 'الغامدي', 'الزهراني', 'المالكي', 'الدوسري', 'العنزي', 'الشمري', 'السبيعي', 'البقمي', 'الحازمي'];
let person = 0;
/** Distinct names per call, so the registry's duplicate check never stops a test's registration. */
export function distinctName(): { firstName: string; fatherName: string; grandfatherName: string; familyName: string; phonePrimary: null } {
  person += 1;
  return {
    firstName: FIRST[person % FIRST.length]!,
    fatherName: FIRST[(person * 5 + 3) % FIRST.length]!,
    grandfatherName: FIRST[(person * 7 + 1) % FIRST.length]!,
    familyName: `${FAMILY[Math.floor(person / FIRST.length) % FAMILY.length]!} ${FAMILY[person % FAMILY.length]!}`,
    phonePrimary: null,
  };
}
