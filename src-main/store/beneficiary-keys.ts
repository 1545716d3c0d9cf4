import { nameTokens, phoneticKey, stripDefiniteArticle } from '../../src-shared/domain/arabic-text';
import { phoneSearchVariants } from '../../src-shared/domain/phone';

export type NameParts = { firstName: string; fatherName: string; grandfatherName: string; familyName: string };

function partKey(part: string): string {
  return nameTokens(part).map(stripDefiniteArticle).join('');
}

/** Matching keys stored beside the name, so duplicate checks are index look-ups, not scans. */
export function beneficiaryKeys(name: NameParts): { name_key: string; phonetic_key: string; lineage_key: string } {
  const parts = [name.firstName, name.fatherName, name.grandfatherName, name.familyName];
  return {
    name_key: parts.map(partKey).join(' '),
    phonetic_key: phoneticKey(parts.join(' ')),
    // Father + grandfather + family: shared by brothers and sisters, which makes them relatives, not duplicates.
    lineage_key: parts.slice(1).map(partKey).join(' '),
  };
}

/** The FTS document: every name token (with and without ال), Latin name, and the ID and phone spellings. */
export function searchDocument(row: {
  first_name: string;
  father_name: string;
  grandfather_name: string;
  family_name: string;
  latin_name: string | null;
  national_id: string | null;
  phone_primary: string | null;
  phone_secondary: string | null;
}): { names: string; numbers: string } {
  const tokens = new Set<string>();
  for (const token of nameTokens([row.first_name, row.father_name, row.grandfather_name, row.family_name].join(' '))) {
    tokens.add(token);
    tokens.add(stripDefiniteArticle(token));
  }
  for (const token of nameTokens(row.latin_name ?? '')) tokens.add(token);
  const numbers = new Set<string>();
  if (row.national_id) numbers.add(row.national_id.toLowerCase());
  for (const phone of [row.phone_primary, row.phone_secondary]) {
    if (phone) for (const variant of phoneSearchVariants(phone)) numbers.add(variant);
  }
  return { names: [...tokens].join(' '), numbers: [...numbers].join(' ') };
}

/**
 * Turns what the receptionist typed into an FTS5 query: every word must match as a prefix, in any
 * order; a run of digits (ID or phone typed with spaces or dashes) is one number prefix.
 * Returns null when there is nothing searchable.
 */
export function searchQuery(text: string): string | null {
  const compact = text.replace(/[\s\-+().]/g, '');
  const digitsOnly = compact.length > 0 && /^[0-9٠-٩۰-۹]+$/.test(compact);
  if (digitsOnly) {
    const digits = nameTokens(compact).join('');
    return digits.length >= 2 ? `numbers : "${digits}"*` : null;
  }
  const terms: string[] = [];
  for (const token of nameTokens(text)) {
    const clean = token.replace(/"/g, '');
    if (clean.length === 0) continue;
    if (/^[0-9]+$/.test(clean)) {
      terms.push(`numbers : "${clean}"*`);
    } else {
      const stripped = stripDefiniteArticle(clean);
      terms.push(`names : "${stripped}"*`);
    }
  }
  if (terms.length === 0) return null;
  if (terms.length === 1 && text.trim().length < 2) return null;
  return terms.join(' AND ');
}
