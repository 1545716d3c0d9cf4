/**
 * The small Markdown the knowledge base is written in: headings (#, ##, ###), paragraphs, numbered
 * and bulleted lists (nested by indentation) and **bold**. Parsed here, once, for both sides: the
 * renderer draws the blocks as React elements (never as HTML), and the main process cuts the same
 * blocks into the sections it indexes, so a search hit and the reader agree on where a section starts.
 * Anything else (tables, links, images) is kept as plain text: documents are prose the desk reads.
 */

export type ListItem = { text: string; children: ListBlock | null };
export type ListBlock = { type: 'list'; ordered: boolean; start: number; items: ListItem[] };
export type Block =
  | { type: 'heading'; level: 1 | 2 | 3; text: string; section: number }
  | { type: 'paragraph'; text: string }
  | ListBlock;

const HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/;
const LIST_ITEM = /^(\s*)(?:(\d+)[.)]|[-*+])\s+(.*)$/;

function indentOf(spaces: string): number {
  return spaces.replace(/\t/g, '    ').length;
}

type RawItem = { indent: number; ordered: boolean; number: number; text: string };

/** Builds nested lists from items in document order; a deeper indent opens a list inside the last item. */
function nestItems(items: RawItem[]): ListBlock {
  const first = items[0]!;
  const root: ListBlock = { type: 'list', ordered: first.ordered, start: first.number, items: [] };
  const stack: { indent: number; list: ListBlock }[] = [{ indent: first.indent, list: root }];
  for (const item of items) {
    while (stack.length > 1 && item.indent < stack[stack.length - 1]!.indent) stack.pop();
    let top = stack[stack.length - 1]!;
    if (item.indent > top.indent) {
      const parent = top.list.items[top.list.items.length - 1];
      if (parent) {
        parent.children ??= { type: 'list', ordered: item.ordered, start: item.number, items: [] };
        stack.push({ indent: item.indent, list: parent.children });
        top = stack[stack.length - 1]!;
      }
    }
    top.list.items.push({ text: item.text, children: null });
  }
  return root;
}

/** Markdown text → blocks. Headings carry their section number (0 is any text before the first heading). */
export function parseMarkdown(markdown: string): Block[] {
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  let items: RawItem[] = [];
  let section = 0;
  const flush = () => {
    if (paragraph.length > 0) blocks.push({ type: 'paragraph', text: paragraph.join(' ') });
    if (items.length > 0) blocks.push(nestItems(items));
    paragraph = [];
    items = [];
  };
  for (const line of markdown.replace(/\r\n?/g, '\n').split('\n')) {
    const heading = HEADING.exec(line);
    const item = LIST_ITEM.exec(line);
    if (line.trim() === '') {
      flush();
    } else if (heading) {
      flush();
      section += 1;
      const level = Math.min(heading[1]!.length, 3) as 1 | 2 | 3;
      blocks.push({ type: 'heading', level, text: heading[2] ?? '', section });
    } else if (item) {
      if (paragraph.length > 0) flush();
      items.push({ indent: indentOf(item[1] ?? ''), ordered: item[2] !== undefined, number: Number(item[2] ?? 1), text: item[3] ?? '' });
    } else if (items.length > 0 && /^\s+\S/.test(line)) {
      // A continuation line of the last list item.
      const last = items[items.length - 1]!;
      last.text = `${last.text} ${line.trim()}`;
    } else {
      if (items.length > 0) flush();
      paragraph.push(line.trim());
    }
  }
  flush();
  return blocks;
}

/** Inline **bold** spans of a line, for the reader. */
export function inlineParts(text: string): { text: string; bold: boolean }[] {
  return text
    .split(/(\*\*[^*]+\*\*)/)
    .filter((part) => part !== '')
    .map((part) => (/^\*\*[^*]+\*\*$/.test(part) ? { text: part.slice(2, -2), bold: true } : { text: part, bold: false }));
}

function plain(text: string): string {
  return text.replace(/\*\*([^*]+)\*\*/g, '$1');
}

function listLines(list: ListBlock, depth: number, out: string[]): void {
  list.items.forEach((item, i) => {
    const marker = list.ordered ? `${list.start + i}.` : '•';
    out.push(`${'  '.repeat(depth)}${marker} ${plain(item.text)}`);
    if (item.children) listLines(item.children, depth + 1, out);
  });
}

export type TextSection = { position: number; heading: string | null; body: string };

/**
 * The document cut at its headings: each section is a heading and the plain text under it (list
 * numbers kept, bold marks dropped). Section positions match the `section` of the reader's headings.
 */
export function markdownSections(markdown: string): TextSection[] {
  const sections: TextSection[] = [];
  let current: TextSection = { position: 0, heading: null, body: '' };
  const lines: string[] = [];
  const close = () => {
    current.body = lines.join('\n').trim();
    if (current.body !== '' || current.heading !== null) sections.push(current);
    lines.length = 0;
  };
  for (const block of parseMarkdown(markdown)) {
    if (block.type === 'heading') {
      close();
      current = { position: block.section, heading: plain(block.text), body: '' };
    } else if (block.type === 'paragraph') {
      lines.push(plain(block.text));
    } else {
      listLines(block, 0, lines);
    }
  }
  close();
  return sections;
}

/** Pasted plain text (a PDF's text): paragraphs grouped into sections of about `size` characters. */
export function plainTextSections(text: string, size = 1200): TextSection[] {
  const paragraphs = text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  const sections: TextSection[] = [];
  let body: string[] = [];
  let length = 0;
  for (const paragraph of paragraphs) {
    if (length > 0 && length + paragraph.length > size) {
      sections.push({ position: sections.length, heading: null, body: body.join('\n') });
      body = [];
      length = 0;
    }
    body.push(paragraph);
    length += paragraph.length;
  }
  if (body.length > 0) sections.push({ position: sections.length, heading: null, body: body.join('\n') });
  return sections;
}
