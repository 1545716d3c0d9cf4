import PDFDocument from 'pdfkit';

/*
 * pdfkit parses a font anew for every document and shapes through fontkit without a way to name the
 * direction of a run, so an Arabic paragraph costs tens of milliseconds and Arabic-Indic digits come
 * out reversed (pdfkit issue 219). We keep ONE fontkit font per face for the whole process (taken
 * from pdfkit itself, so it is the fontkit pdfkit embeds with), shape runs ourselves with an explicit
 * direction, and hand pdfkit's own EmbeddedFont only the glyph ids to subset and embed.
 *
 * This file is the only one that touches pdfkit internals (pinned pdfkit 0.17): the EmbeddedFont
 * class, its subset, width and ToUnicode tables, and the document's font table that `end()` embeds.
 */

export type Direction = 'ltr' | 'rtl';

export type FontkitGlyph = { id: number; codePoints: number[]; advanceWidth: number };
export type FontkitPosition = { xAdvance: number; yAdvance: number; xOffset: number; yOffset: number };
export type FontkitGlyphRun = { glyphs: FontkitGlyph[]; positions: FontkitPosition[] };

export type FontkitFont = {
  unitsPerEm: number;
  ascent: number;
  descent: number;
  postscriptName: string;
  hasGlyphForCodePoint(codePoint: number): boolean;
  layout(text: string, features: string[], script: string, language: string | null, direction: Direction): FontkitGlyphRun;
};

/** pdfkit's EmbeddedFont, as far as we use it. */
export type EmbeddedFont = {
  id: string;
  subset: { includeGlyph(glyphId: number): number };
  widths: number[];
  unicode: number[][];
  ref(): unknown;
};

type EmbeddedFontClass = new (doc: PDFKit.PDFDocument, font: FontkitFont, id: string) => EmbeddedFont;

type DocumentInternals = {
  _font: (EmbeddedFont & { font: FontkitFont }) | null;
  _fontFamilies: Record<string, unknown>;
  page: { fonts: Record<string, unknown> };
};

function internals(doc: PDFKit.PDFDocument): DocumentInternals {
  return doc as unknown as DocumentInternals;
}

let embeddedFontClass: EmbeddedFontClass | null = null;

/** Parses a TTF once, through pdfkit's own fontkit; the result is shared by every document. */
export function parseFont(bytes: Buffer): FontkitFont {
  const scratch = new PDFDocument({ autoFirstPage: false });
  scratch.font(bytes);
  const opened = internals(scratch)._font;
  if (!opened || typeof opened.font?.layout !== 'function') throw new Error('pdfkit did not open the font as an embedded TrueType font.');
  embeddedFontClass ??= opened.constructor as EmbeddedFontClass;
  return opened.font;
}

/**
 * The faces one document uses, embedded on first use under stable ids (FA1, FA2… in order of first
 * use), so the same content always gives the same bytes.
 */
export class DocumentFonts {
  private readonly byKey = new Map<string, EmbeddedFont>();

  constructor(private readonly doc: PDFKit.PDFDocument) {}

  embedded(key: string, font: FontkitFont): EmbeddedFont {
    let embedded = this.byKey.get(key);
    if (!embedded) {
      if (!embeddedFontClass) throw new Error('parseFont must run before a document embeds a font.');
      embedded = new embeddedFontClass(this.doc, font, `FA${this.byKey.size + 1}`);
      this.byKey.set(key, embedded);
      // `end()` embeds (subsets) every font found in this table that a page referenced.
      internals(this.doc)._fontFamilies[embedded.id] = embedded;
    }
    const page = internals(this.doc).page;
    if (page.fonts[embedded.id] == null) page.fonts[embedded.id] = embedded.ref();
    return embedded;
  }

  /**
   * The embedded copy of a face and the CID that draw `glyph` and copy out as `text`. A font's
   * ToUnicode table gives one text per glyph, yet one glyph can stand for different text (a mirrored
   * bracket, a tatweel, a shaped form shared by two letters): such a glyph goes into a second copy
   * of the face (then a third…), so every glyph copies out as what was typed.
   */
  glyph(key: string, font: FontkitFont, glyph: FontkitGlyph, scale: number, text: number[], width?: number): { font: EmbeddedFont; cid: number } {
    for (let copy = 0; ; copy++) {
      const embedded = this.embedded(copy === 0 ? key : `${key}#${copy}`, font);
      const cid = embedded.subset.includeGlyph(glyph.id);
      const known = embedded.unicode[cid];
      if (known === undefined || sameText(known, text)) {
        embedded.widths[cid] ??= width ?? glyph.advanceWidth * scale;
        embedded.unicode[cid] ??= text;
        return { font: embedded, cid };
      }
    }
  }
}

function sameText(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((value, i) => value === b[i]);
}
