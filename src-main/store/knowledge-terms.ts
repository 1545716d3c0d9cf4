import { normaliseArabic } from '../../src-shared/domain/arabic-text';
import type { SnippetPart } from '../../src-shared/contract/knowledge';

/*
 * Search terms for the knowledge base. Policy prose, unlike names, carries clitics: «والمستفيد»,
 * «للمستفيدين», «بالجمعية». Each indexed word is stored as written (normalised) and, when it starts
 * with the article or a conjunction/preposition before the article, also without them; a query word
 * loses only the article (unambiguous), then matches as a prefix, so «المستفيد» finds all of the above.
 */

/** Article forms, longest first: و/ف/ب/ك + ال, لل (ل + ال), ال. */
const ARTICLE_PREFIXES = ['وال', 'فال', 'بال', 'كال', 'لل', 'ال'] as const;
/** One-letter clitics (and, so, with, like, for) written joined to the next word. */
const LETTER_CLITICS = ['و', 'ف', 'ب', 'ك', 'ل'] as const;

/** Words of already-normalised text: letters and digits, split at everything else. */
function words(normalised: string): string[] {
  return normalised.split(/[^\p{L}\p{N}\p{Mn}]+/u).filter((w) => w !== '');
}

/** A word without its article (and a clitic before it), when enough of the word is left. */
export function stripArticle(word: string): string {
  for (const prefix of ARTICLE_PREFIXES) {
    if (word.startsWith(prefix) && word.length - prefix.length >= 2) return word.slice(prefix.length);
  }
  return word;
}

/** Every form a document word is indexed under: as written, without its article, without a joined clitic. */
export function indexForms(word: string): string[] {
  const forms = new Set([word, stripArticle(word)]);
  for (const clitic of LETTER_CLITICS) {
    if (word.startsWith(clitic) && word.length - 1 >= 3) forms.add(word.slice(1));
  }
  return [...forms];
}

/** The text put into the FTS index for a heading or body: normalised words and their stripped forms. */
export function indexText(text: string): string {
  return words(normaliseArabic(text)).flatMap(indexForms).join(' ');
}

/** The words of a query, normalised, without their article; one-letter words carry no meaning here. */
export function queryStems(query: string): string[] {
  const stems = words(normaliseArabic(query))
    .map(stripArticle)
    .filter((w) => w.length >= 2);
  return [...new Set(stems)].slice(0, 12);
}

/** The FTS5 MATCH expression: every query word must match some indexed word as a prefix. Null: nothing to search. */
export function searchMatch(query: string): string | null {
  const stems = queryStems(query);
  if (stems.length === 0) return null;
  // Words hold only letters and digits, so quoting them is enough to keep FTS5 syntax out.
  return stems.map((stem) => `"${stem}"*`).join(' AND ');
}

/**
 * The text folded character by character, with the index in the original of each folded character,
 * so matches found in folded text can be marked in the text as written.
 */
function foldWithMap(text: string): { folded: string; origin: number[] } {
  let folded = '';
  const origin: number[] = [];
  let index = 0;
  for (const ch of text) {
    const out = /\s/.test(ch) ? ' ' : normaliseArabic(ch);
    for (const piece of out) {
      folded += piece;
      origin.push(index);
    }
    index += ch.length;
  }
  return { folded, origin };
}

/** Harakat and tatweel after a word's last letter belong to the word. */
const TRAILING_MARK = /[\p{Mn}\u0640]/u;

/** A marked word: [start, end) in the original text, and which query stem it matched. */
export type HitSpan = { start: number; end: number; stem: number };

/** Whole words (in the original text) containing a stem after an optional prefix. */
export function hitSpans(text: string, stems: readonly string[]): HitSpan[] {
  const { folded, origin } = foldWithMap(text);
  const spans: HitSpan[] = [];
  const wordRe = /[\p{L}\p{N}\p{Mn}]+/gu;
  for (let m = wordRe.exec(folded); m; m = wordRe.exec(folded)) {
    const forms = indexForms(m[0]);
    const stem = stems.findIndex((candidate) => forms.some((form) => form.startsWith(candidate)));
    if (stem < 0) continue;
    const start = origin[m.index] ?? 0;
    let end = (origin[m.index + m[0].length - 1] ?? start) + 1;
    // Keep trailing marks (harakat) of the last letter inside the highlight.
    while (end < text.length && TRAILING_MARK.test(text[end] ?? '')) end += 1;
    spans.push({ start, end, stem });
  }
  return spans;
}

/** Where the excerpt starts: the hit whose window shows the most different query words (the first on a tie). */
function bestAnchor(spans: readonly HitSpan[], before: number, after: number): number {
  let best = spans[0]?.start ?? 0;
  let bestCount = 0;
  for (const span of spans) {
    const inWindow = new Set(spans.filter((s) => s.start >= span.start - before && s.end <= span.start + after).map((s) => s.stem));
    if (inWindow.size > bestCount) {
      best = span.start;
      bestCount = inWindow.size;
    }
  }
  return best;
}

/**
 * A short excerpt around the hits (where most query words show together), cut at word boundaries,
 * with every hit inside it marked.
 * Without a hit in the text (the heading matched), the excerpt is the beginning of the text.
 */
export function snippet(text: string, stems: readonly string[], before = 70, after = 170): SnippetPart[] {
  const spans = hitSpans(text, stems);
  const anchor = bestAnchor(spans, before, after);
  let from = Math.max(0, anchor - before);
  let to = Math.min(text.length, anchor + after);
  while (from > 0 && !/\s/.test(text[from - 1] ?? ' ')) from -= 1;
  while (to < text.length && !/\s/.test(text[to] ?? ' ')) to += 1;
  const parts: SnippetPart[] = [];
  const push = (value: string, hit: boolean) => {
    if (value !== '') parts.push({ text: value, hit });
  };
  if (from > 0) push('… ', false);
  let cursor = from;
  for (const { start, end } of spans) {
    if (end <= from || start >= to) continue;
    push(text.slice(cursor, Math.max(cursor, start)), false);
    push(text.slice(Math.max(cursor, start), Math.min(end, to)), true);
    cursor = Math.min(end, to);
  }
  push(text.slice(cursor, to), false);
  if (to < text.length) push(' …', false);
  return parts;
}
