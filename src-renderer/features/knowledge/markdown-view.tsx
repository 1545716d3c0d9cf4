import { Fragment, useEffect, useRef } from 'react';
import { inlineParts, parseMarkdown, type ListBlock } from '../../../src-shared/domain/knowledge-markdown';

function Inline({ text }: { text: string }) {
  return (
    <>
      {inlineParts(text).map((part, i) => (part.bold ? <strong key={i}>{part.text}</strong> : <Fragment key={i}>{part.text}</Fragment>))}
    </>
  );
}

function List({ block }: { block: ListBlock }) {
  const items = block.items.map((item, i) => (
    <li key={i}>
      <Inline text={item.text} />
      {item.children ? <List block={item.children} /> : null}
    </li>
  ));
  return block.ordered ? <ol start={block.start}>{items}</ol> : <ul>{items}</ul>;
}

/**
 * A knowledge document drawn from its Markdown as React elements (never as HTML). `section` scrolls
 * to the heading a search hit came from; sections are numbered by the same parser that indexed them.
 */
export function MarkdownView({ markdown, section }: { markdown: string; section: number | null }) {
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (section === null) return;
    root.current?.querySelector(`[data-section="${section}"]`)?.scrollIntoView({ block: 'start' });
  }, [section, markdown]);
  return (
    <div ref={root} className="knowledge-markdown" data-testid="knowledge-reader">
      {parseMarkdown(markdown).map((block, i) => {
        if (block.type === 'heading') {
          const Tag = block.level === 1 ? 'h2' : block.level === 2 ? 'h3' : 'h4';
          return (
            <Tag key={i} data-section={block.section} className={block.section === section ? 'is-target' : undefined}>
              <Inline text={block.text} />
            </Tag>
          );
        }
        if (block.type === 'paragraph') return <p key={i}><Inline text={block.text} /></p>;
        return <List key={i} block={block} />;
      })}
    </div>
  );
}
