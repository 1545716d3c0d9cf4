import type { z } from 'zod';
import type { PersonLines } from '../../../src-shared/contract/forms';
import { formatGregorian, formatHijri } from '../../../src-shared/domain/calendar';
import type { FieldRow } from '../form-blocks';
import { ltr } from '../form-document';

/** Pieces several forms print the same way. */

export function bothCalendars(iso: string): string {
  return `${formatHijri(iso, 'ar')} (${formatGregorian(iso, 'ar')})`;
}

/** Date, both calendars, and the time in Riyadh where the moment matters (receipts, tickets). */
export function dateAndTime(iso: string): string {
  const time = new Intl.DateTimeFormat('ar-SA-u-nu-arab', { hour: '2-digit', minute: '2-digit', timeZone: 'Asia/Riyadh' }).format(new Date(iso));
  return `${bothCalendars(iso)} — ${time}`;
}

export function personRows(person: z.infer<typeof PersonLines>, nameLabel = 'الاسم'): FieldRow[] {
  const rows: FieldRow[] = [{ label: nameLabel, value: person.fullName }];
  rows.push({ label: `رقم ${person.idLabel}`, value: person.idNumber ? ltr(person.idNumber) : '—' });
  if (person.phone) rows.push({ label: 'الجوال', value: ltr(person.phone) });
  return rows;
}

export function amount(value: number | null): string {
  return value === null ? '—' : `${new Intl.NumberFormat('en-US').format(value)} ريال`;
}

const DOCUMENT_STATUS = { verified: 'تمت المطابقة', seen: 'اطُّلع عليه', missing: 'لم يُقدَّم' } as const;

export function documentLines(documents: { name: string; status: keyof typeof DOCUMENT_STATUS }[]): string[] {
  return documents.map((d) => `${d.name}: ${DOCUMENT_STATUS[d.status]}`);
}
