import type { BeneficiaryInputRaw } from '../../src-shared/contract/beneficiaries';
import { nameTokens, stripDefiniteArticle } from '../../src-shared/domain/arabic-text';
import { CONTACT_CHANNELS, isContactChannel } from '../../src-shared/domain/contact-channels';
import { toLatinDigits } from '../../src-shared/domain/digits';
import { FIELD_LABELS } from '../../src-shared/i18n/field-labels';
import { DomainError } from './domain-error';

/** The beneficiary fields a file can fill, plus `fullName`: one column split into the four name parts. */
export const IMPORT_FIELDS = [
  'firstName', 'fatherName', 'grandfatherName', 'familyName', 'latinName', 'idType', 'nationalId', 'nationality',
  'gender', 'birthDate', 'phonePrimary', 'phoneSecondary', 'preferredChannel', 'governorate', 'city', 'address', 'notes',
] as const satisfies ReadonlyArray<keyof BeneficiaryInputRaw>;
export type ImportField = (typeof IMPORT_FIELDS)[number] | 'fullName';
// A field added to the contract but not here is a compile error: the import would silently drop it.
const EVERY_INPUT_FIELD_IS_IMPORTABLE: Exclude<keyof BeneficiaryInputRaw, ImportField> extends never ? true : false = true;
void EVERY_INPUT_FIELD_IS_IMPORTABLE;

const ALL_FIELDS: readonly ImportField[] = [...IMPORT_FIELDS, 'fullName'];
const NAME_PARTS = ['firstName', 'fatherName', 'grandfatherName', 'familyName'] as const;

/** Target field → heading in the file. */
export type ImportMapping = Partial<Record<ImportField, string>>;

/**
 * Headings seen in the registers associations keep (besides our own field labels and field names).
 * Compared after folding: spelling variants, article, spaces, underscores and case do not matter.
 */
const HEADING_SYNONYMS: Record<ImportField, readonly string[]> = {
  firstName: ['الاسم الأول', 'الأول', 'first name', 'given name', 'fname', 'name1'],
  fatherName: ['اسم الأب', 'الأب', 'father', 'father name', 'fathers name', 'second name', 'name2'],
  grandfatherName: ['اسم الجد', 'الجد', 'grandfather', 'grandfather name', 'third name', 'name3'],
  familyName: ['العائلة', 'اسم العائلة', 'القبيلة', 'اللقب', 'family', 'family name', 'last name', 'surname', 'name4'],
  latinName: ['الاسم باللاتينية', 'الاسم بالإنجليزية', 'الاسم بالانجليزي', 'latin name', 'english name', 'name en'],
  idType: ['نوع الهوية', 'نوع الإثبات', 'id type', 'document type'],
  nationalId: ['رقم الهوية', 'الهوية', 'رقم الإقامة', 'رقم الهوية/الإقامة', 'السجل المدني', 'رقم السجل المدني', 'national id', 'id number', 'id no', 'iqama', 'nid'],
  nationality: ['الجنسية', 'nationality', 'country'],
  gender: ['الجنس', 'النوع', 'gender', 'sex'],
  birthDate: ['تاريخ الميلاد', 'الميلاد', 'birth date', 'date of birth', 'dob'],
  phonePrimary: ['الجوال', 'رقم الجوال', 'الهاتف', 'رقم الهاتف', 'جوال', 'phone', 'mobile', 'phone number', 'mobile number', 'phone1'],
  phoneSecondary: ['جوال آخر', 'الجوال الآخر', 'جوال 2', 'هاتف آخر', 'رقم آخر', 'phone 2', 'mobile 2', 'other phone', 'secondary phone'],
  preferredChannel: ['قناة التواصل المفضلة', 'القناة المفضلة', 'قناة التواصل', 'preferred channel', 'contact channel'],
  governorate: ['المحافظة', 'governorate'],
  city: ['المدينة', 'المدينة/القرية', 'القرية', 'city', 'village', 'town'],
  address: ['العنوان', 'الحي', 'address'],
  notes: ['ملاحظات', 'notes', 'remarks', 'comments'],
  fullName: ['الاسم الكامل', 'الاسم الرباعي', 'اسم المستفيد', 'الاسم', 'full name', 'name'],
};

/** "First Name", "first_name", "firstName" → "firstname"; «الاسم الأول», «اسم الاول» → «اسماول». */
export function headingKey(heading: string): string {
  return nameTokens(heading.replace(/([a-z])([A-Z])/g, '$1 $2')).map(stripDefiniteArticle).join('');
}

const FIELD_BY_HEADING: ReadonlyMap<string, ImportField> = (() => {
  const map = new Map<string, ImportField>();
  for (const field of ALL_FIELDS) {
    const label = FIELD_LABELS[field];
    for (const heading of [field, label?.ar ?? '', label?.en ?? '', ...HEADING_SYNONYMS[field]]) {
      const key = headingKey(heading);
      if (key !== '' && !map.has(key)) map.set(key, field);
    }
  }
  return map;
})();

function isImportField(name: string): name is ImportField {
  return (ALL_FIELDS as readonly string[]).includes(name);
}

/**
 * The mapping used for this file: what the admin chose, then guesses from the headings for the rest
 * (each column used once). A guessed full-name column is only used when none of the four parts is mapped.
 */
export function resolveMapping(columns: readonly string[], requested: Record<string, string>): ImportMapping {
  const mapping: ImportMapping = {};
  const used = new Set<string>();
  // An empty heading means "leave this field out", so a wrong guess can be switched off.
  const leftOut = new Set<string>();
  for (const [field, heading] of Object.entries(requested)) {
    if (!isImportField(field)) throw new DomainError('BAD_REQUEST', 'import.unknownField', { values: { field } });
    if (heading === '') {
      leftOut.add(field);
      continue;
    }
    if (!columns.includes(heading)) throw new DomainError('BAD_REQUEST', 'import.unknownColumn', { values: { column: heading } });
    mapping[field] = heading;
    used.add(heading);
  }
  for (const column of columns) {
    if (used.has(column)) continue;
    const field = FIELD_BY_HEADING.get(headingKey(column));
    if (field && mapping[field] === undefined && !leftOut.has(field)) {
      mapping[field] = column;
      used.add(column);
    }
  }
  if (mapping.fullName !== undefined && NAME_PARTS.some((part) => mapping[part] !== undefined) && requested.fullName === undefined) {
    delete mapping.fullName;
  }
  return mapping;
}

/** Words that belong to the name part before or after them, so a split keeps «عبد الله» whole. */
const JOINS_NEXT = new Set(['عبد', 'أبو', 'ابو', 'آل', 'ال']);
const JOINS_PREVIOUS = new Set(['الله', 'الدين', 'الرحمن']);
const CONNECTORS = new Set(['بن', 'ابن', 'بنت']);

/**
 * «محمد بن عبد الله بن سعد آل حسين» → محمد / عبد الله / سعد / آل حسين. Everything past the third part
 * is the family name; a name with fewer than four parts leaves the missing ones empty (then rejected).
 */
export function splitFullName(fullName: string): Record<(typeof NAME_PARTS)[number], string> {
  const words = fullName.trim().split(/\s+/).filter((w) => w !== '' && !CONNECTORS.has(w));
  const parts: string[] = [];
  for (const word of words) {
    const previous = parts[parts.length - 1];
    const previousWords = previous?.split(' ') ?? [];
    const glue = previous !== undefined && (JOINS_PREVIOUS.has(word) || JOINS_NEXT.has(previousWords[previousWords.length - 1] ?? ''));
    if (glue) parts[parts.length - 1] = `${previous} ${word}`;
    else parts.push(word);
  }
  const [first = '', father = '', grandfather = '', ...family] = parts;
  if (parts.length === 3) return { firstName: first, fatherName: father, grandfatherName: '', familyName: grandfather };
  return { firstName: first, fatherName: father, grandfatherName: grandfather, familyName: family.join(' ') };
}

function foldedChoice(value: string): string {
  return nameTokens(value).map(stripDefiniteArticle).join(' ');
}

const GENDERS: Record<string, 'male' | 'female'> = {
  ذكر: 'male', m: 'male', male: 'male', man: 'male', رجل: 'male',
  انثي: 'female', f: 'female', female: 'female', woman: 'female', امراه: 'female',
};

const ID_TYPES: Record<string, 'national_id' | 'iqama' | 'passport' | 'none'> = {
  'هويه وطنيه': 'national_id', هويه: 'national_id', مواطن: 'national_id', 'سجل مدني': 'national_id', national_id: 'national_id', 'national id': 'national_id', citizen: 'national_id',
  اقامه: 'iqama', مقيم: 'iqama', iqama: 'iqama', resident: 'iqama',
  جواز: 'passport', 'جواز سفر': 'passport', passport: 'passport',
  بدون: 'none', 'لا يوجد': 'none', none: 'none',
};

/** Country stems (nationality adjectives lose their ي/يه, e.g. يمني → يمن); codes are ISO 3166 alpha-2. */
const NATIONALITY_STEMS: Record<string, readonly string[]> = {
  SA: ['سعود', 'مملكه عربيه سعود', 'saudi', 'saudi arabia', 'ksa'],
  YE: ['يمن', 'yemen', 'yemeni'],
  EG: ['مصر', 'egypt', 'egyptian'],
  SD: ['سودان', 'sudan', 'sudanese'],
  ET: ['اثيوب', 'اثيوبيا', 'ethiopia', 'ethiopian'],
  ER: ['اريتر', 'اريتريا', 'eritrea', 'eritrean'],
  SO: ['صومال', 'somalia', 'somali'],
  PK: ['باكستان', 'pakistan', 'pakistani'],
  IN: ['هند', 'india', 'indian'],
  BD: ['بنغلاديش', 'بنجلاديش', 'bangladesh', 'bangladeshi'],
  SY: ['سور', 'سوريا', 'syria', 'syrian'],
  JO: ['اردن', 'jordan', 'jordanian'],
  PS: ['فلسطين', 'palestine', 'palestinian'],
  PH: ['فلبين', 'philippines', 'filipino'],
  ID: ['اندونيس', 'اندونيسيا', 'indonesia', 'indonesian'],
  TD: ['تشاد', 'chad', 'chadian'],
  NG: ['نيجير', 'نيجيريا', 'nigeria', 'nigerian'],
};
const NATIONALITY_BY_STEM: ReadonlyMap<string, string> = new Map(
  Object.entries(NATIONALITY_STEMS).flatMap(([code, stems]) => stems.map((stem) => [stem, code] as const)),
);

export function nationalityCode(value: string): string {
  if (value.trim() === '') return 'SA';
  if (/^[a-zA-Z]{2}$/.test(value.trim())) return value.trim().toUpperCase();
  const folded = foldedChoice(value);
  const stem = folded.replace(/(يه|ي)$/, '');
  return NATIONALITY_BY_STEM.get(folded) ?? NATIONALITY_BY_STEM.get(stem) ?? value.trim();
}

const CHANNEL_BY_NAME: ReadonlyMap<string, string> = new Map(CONTACT_CHANNELS.flatMap((c) => [[foldedChoice(c.ar), c.code], [foldedChoice(c.en), c.code]] as const));

/** A channel given by its code or its Arabic or English name; anything else is left for the contract to refuse. */
function channelOf(value: string): string | null {
  if (value === '') return null;
  if (isContactChannel(value)) return value;
  return CHANNEL_BY_NAME.get(foldedChoice(value)) ?? value;
}

/** Without an ID-type column the number says it: 1… national ID, 2… iqama, letters passport, empty none. */
function idTypeOf(typeCell: string | undefined, nationalId: string): string {
  if (typeCell !== undefined && typeCell.trim() !== '') return ID_TYPES[foldedChoice(typeCell)] ?? typeCell.trim();
  const id = toLatinDigits(nationalId).trim();
  if (id === '') return 'none';
  if (id.startsWith('2')) return 'iqama';
  if (/[a-zA-Z]/.test(id)) return 'passport';
  return 'national_id';
}

/** One row of cells → the raw input the contract's schema checks (trimmed text, codes for choices). */
export function draftFromCells(cells: Record<string, string>, mapping: ImportMapping): Record<string, string | null> {
  const cell = (field: ImportField): string | undefined => {
    const heading = mapping[field];
    return heading === undefined ? undefined : (cells[heading] ?? '').trim();
  };
  const names = mapping.fullName !== undefined ? splitFullName(cell('fullName') ?? '') : null;
  const draft: Record<string, string | null> = {};
  for (const field of IMPORT_FIELDS) {
    const value = cell(field);
    draft[field] = value === undefined || value === '' ? null : value;
  }
  for (const part of NAME_PARTS) draft[part] = names ? names[part] : (draft[part] ?? '');
  const gender = cell('gender') ?? '';
  draft.gender = GENDERS[foldedChoice(gender)] ?? (gender === '' ? null : gender);
  draft.idType = idTypeOf(cell('idType'), cell('nationalId') ?? '');
  draft.nationality = nationalityCode(cell('nationality') ?? '');
  draft.preferredChannel = channelOf(cell('preferredChannel') ?? '');
  return draft;
}
