/**
 * Choice lists of the beneficiary form. Nationalities are stored as ISO 3166 codes (XX: other or
 * unknown); governorates as their Arabic name, which is how the region's own records write them.
 */
export const NATIONALITIES = [
  'SA', 'YE', 'EG', 'SD', 'ET', 'ER', 'SO', 'PK', 'IN', 'BD', 'SY', 'JO', 'PS', 'AF', 'ID', 'PH', 'NG', 'TD', 'XX',
] as const;
export type NationalityCode = (typeof NATIONALITIES)[number];

export function isKnownNationality(code: string): code is NationalityCode {
  return (NATIONALITIES as readonly string[]).includes(code);
}

/** The governorates of the Jazan region (the city of Jazan first). */
export const JAZAN_GOVERNORATES = [
  { key: 'jazan', value: 'جازان' },
  { key: 'sabya', value: 'صبيا' },
  { key: 'abuArish', value: 'أبو عريش' },
  { key: 'samtah', value: 'صامطة' },
  { key: 'alHarth', value: 'الحرث' },
  { key: 'damad', value: 'ضمد' },
  { key: 'alRayth', value: 'الريث' },
  { key: 'baish', value: 'بيش' },
  { key: 'farasan', value: 'فرسان' },
  { key: 'alDayer', value: 'الداير' },
  { key: 'ahadAlMasarihah', value: 'أحد المسارحة' },
  { key: 'alEdabi', value: 'العيدابي' },
  { key: 'alAridhah', value: 'العارضة' },
  { key: 'alDarb', value: 'الدرب' },
  { key: 'haroob', value: 'هروب' },
  { key: 'fifa', value: 'فيفاء' },
  { key: 'alTuwal', value: 'الطوال' },
] as const;
export type GovernorateKey = (typeof JAZAN_GOVERNORATES)[number]['key'];

export function governorateKey(value: string | null): GovernorateKey | null {
  return JAZAN_GOVERNORATES.find((g) => g.value === value)?.key ?? null;
}
