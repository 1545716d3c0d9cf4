import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FORM_KINDS, type FormContent } from '../../src-shared/contract/forms';
import { renderForm, UnprintableFieldError } from '../../src-main/pdf/forms/render-form';
import { decodePng, PngImageError } from '../../src-main/pdf/png-image';
import { blankPng, sampleForms } from './support/form-samples';

/**
 * Every form rendered with realistic Arabic data into test-results/forms/ (kept for a human to open),
 * read back with poppler in logical order, checked by qpdf, rendered to pixels and compared with the
 * reference image kept in tests/integration/forms-reference/.
 */

const OUT = 'test-results/forms';
const REFERENCES = 'tests/integration/forms-reference';
const IDENTITY = { documentNo: '0195f3a2-7c4e-7b21-9a10-3f2b8c9d0e11', verificationCode: 'K7M2-QX9P' };
mkdirSync(OUT, { recursive: true });

/**
 * Words and numbers in reading order, split where the script changes: what must survive copy-paste,
 * whatever spacing and bracket placement the extractor (poppler) adds at direction boundaries.
 */
function tokens(text: string): string[] {
  return text.match(/[\u0660-\u0669]+|[0-9]+|[A-Za-z]+|[\u0621-\u065F\u0670-\u06D3\u06D5]+/g) ?? [];
}

function extract(file: string): string {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}

/** All the strings a form's data prints (not the signature image). */
function printedStrings(value: unknown): string[] {
  // Images, ISO dates (printed in both calendars instead) and stored codes (printed as Arabic labels) aside.
  if (typeof value === 'string') return value.startsWith('iVBORw0KGgo') || /^\d{4}-\d{2}-\d{2}/.test(value) || /^[a-z_]+$/.test(value) ? [] : [value];
  if (Array.isArray(value)) return value.flatMap(printedStrings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(printedStrings);
  return [];
}

function containsInOrder(haystack: string[], needle: string[]): boolean {
  const joined = ` ${haystack.join(' ')} `;
  return joined.includes(` ${needle.join(' ')} `);
}

/** Page 1 as a 40 dpi grey PNG (poppler 22 cannot write images to stdout). */
function renderPage(file: string): Buffer {
  const root = join(mkdtempSync(join(tmpdir(), 'mamen-form-')), 'page');
  execFileSync('pdftoppm', ['-gray', '-png', '-r', '40', '-f', '1', '-l', '1', '-singlefile', file, root]);
  return readFileSync(`${root}.png`);
}

function pixels(file: string): { width: number; height: number; data: Uint8Array } {
  const image = decodePng(renderPage(file));
  const data = new Uint8Array(image.width * image.height);
  for (let i = 0; i < data.length; i++) data[i] = image.pixels[i * 4] ?? 0;
  return { width: image.width, height: image.height, data };
}

describe('forms: every kind prints correctly in Arabic', () => {
  const forms = sampleForms();
  for (const kind of FORM_KINDS) {
    it(`renders the ${kind} form readable, valid, stable and as the reference looks`, async () => {
      const content = forms[kind] as FormContent;
      const bytes = await renderForm(content, IDENTITY);
      const file = join(OUT, `${kind}.pdf`);
      writeFileSync(file, bytes);

      // Deterministic: the stored copy can always be reproduced bit for bit from its data.
      expect((await renderForm(content, IDENTITY)).equals(bytes)).toBe(true);
      expect(() => execFileSync('qpdf', ['--check', file], { stdio: 'pipe' })).not.toThrow();

      const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
      expect(info).toMatch(/Author:\s+جمعية مأمن/);
      expect(info).toContain('mamen-verify:K7M2-QX9P');

      const text = tokens(extract(file));
      for (const source of printedStrings(content.data)) {
        expect(containsInOrder(text, tokens(source)), `"${source}" in logical order`).toBe(true);
      }
      expect(containsInOrder(text, tokens('رمز التحقق: K7M2-QX9P'))).toBe(true);

      const rendered = pixels(file);
      const reference = join(REFERENCES, `${kind}.png`);
      if (!existsSync(reference) || process.env.UPDATE_FORM_REFERENCES === '1') {
        mkdirSync(REFERENCES, { recursive: true });
        writeFileSync(reference, renderPage(file));
      }
      const expected = decodePng(readFileSync(reference));
      expect([rendered.width, rendered.height]).toEqual([expected.width, expected.height]);
      let far = 0;
      let total = 0;
      for (let i = 0; i < rendered.data.length; i++) {
        const diff = Math.abs((rendered.data[i] ?? 0) - (expected.pixels[i * 4] ?? 0));
        total += diff;
        if (diff > 64) far += 1;
      }
      expect(total / rendered.data.length, 'mean grey difference').toBeLessThan(1.5);
      expect(far / rendered.data.length, 'share of strongly changed pixels').toBeLessThan(0.004);
    });
  }
});

describe('forms: bad input is refused or handled, never printed wrong', () => {
  const forms = sampleForms();

  it('refuses a form whose required field is empty', async () => {
    const content = structuredClone(forms.data_consent);
    content.data.person.fullName = '  ';
    await expect(renderForm(content, IDENTITY)).rejects.toThrow(/person|fullName|required/);
  });

  it('refuses a blank signature and one that is not a PNG', async () => {
    const blank = structuredClone(forms.support_request);
    blank.data.signature.imagePng = blankPng();
    await expect(renderForm(blank, IDENTITY)).rejects.toBeInstanceOf(PngImageError);
    const jpeg = structuredClone(forms.delivery_acknowledgement);
    jpeg.data.signature.imagePng = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4]).toString('base64');
    await expect(renderForm(jpeg, IDENTITY)).rejects.toThrow(/signatureNotPng/);
  });

  it('names the field holding a character no font can draw instead of printing an empty box', async () => {
    const content = structuredClone(forms.researcher_referral);
    content.data.referral.reason = 'يحتاج إلى ترجمة 漢字 للمراجع';
    const error = await renderForm(content, IDENTITY).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnprintableFieldError);
    expect((error as UnprintableFieldError).path).toBe('referral.reason');
  });

  it('draws symbols Amiri lacks with the fallback font', async () => {
    const content = structuredClone(forms.delivery_acknowledgement);
    content.data.items = [{ description: 'سلة غذائية ✓ مستلمة', quantity: '١' }];
    const file = join(OUT, 'fallback-glyph.pdf');
    writeFileSync(file, await renderForm(content, IDENTITY));
    expect(execFileSync('pdffonts', [file], { encoding: 'utf8' })).toContain('DejaVuSans');
    expect(extract(file)).toContain('✓');
  });

  it('continues a text longer than a page on the next page instead of overflowing', async () => {
    const content = structuredClone(forms.researcher_referral);
    content.data.referral.reason = 'لم تتضح للمراجعة شروط المساعدة ومدة الدراسة. '.repeat(33).trim();
    const file = join(OUT, 'long-text.pdf');
    writeFileSync(file, await renderForm(content, IDENTITY));
    expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/Pages:\s+2/);
    expect(() => execFileSync('qpdf', ['--check', file], { stdio: 'pipe' })).not.toThrow();
    expect(tokens(extract(file)).filter((t) => t === 'المساعدة')).toHaveLength(33);
  });

  it('refuses a rejection letter without its reason', async () => {
    const content = structuredClone(forms.committee_decision);
    content.data.decision.reason = null;
    await expect(renderForm(content, IDENTITY)).rejects.toThrow(/reason/);
  });
});
