import type { ReactNode } from 'react';

/**
 * The Markdown the API writes (the weekly check-in: headings, bullets nested by two spaces, bold,
 * italics, backslash escapes, inline code) as React elements. Line-based on purpose: it never
 * produces HTML from text, so nothing in the data can become markup.
 */

const INLINE = /\\([\\`*_[\]<>#|~])|\*\*(.+?)\*\*|(?<!\w)_(.+?)_(?!\w)|`([^`]+)`/g;

export function renderInline(text: string): ReactNode[] {
  const nodes: ReactNode[] = [];
  let last = 0;
  for (const match of text.matchAll(INLINE)) {
    const [whole, escaped, bold, italic, code] = match;
    if (match.index > last) nodes.push(text.slice(last, match.index));
    const key = `${match.index}`;
    if (escaped !== undefined) nodes.push(escaped);
    else if (bold !== undefined) nodes.push(<strong key={key}>{renderInline(bold)}</strong>);
    else if (italic !== undefined) nodes.push(<em key={key}>{renderInline(italic)}</em>);
    else if (code !== undefined) nodes.push(<code key={key}>{code}</code>);
    last = match.index + whole.length;
  }
  if (last < text.length) nodes.push(text.slice(last));
  return nodes;
}

type Block =
  | { kind: 'heading'; depth: number; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'list'; items: ListItem[] };
interface ListItem {
  text: string;
  children: ListItem[];
}

export function parseBlocks(markdown: string): Block[] {
  const blocks: Block[] = [];
  for (const line of markdown.split('\n')) {
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    const bullet = /^( *)[-*]\s+(.*)$/.exec(line);
    if (heading) {
      blocks.push({ kind: 'heading', depth: heading[1]?.length ?? 1, text: heading[2] ?? '' });
    } else if (bullet) {
      const depth = Math.floor((bullet[1]?.length ?? 0) / 2);
      const previous = blocks.at(-1);
      const list = previous?.kind === 'list' ? previous : { kind: 'list' as const, items: [] };
      if (list !== previous) blocks.push(list);
      let siblings = list.items;
      // A bullet deeper than any open parent hangs from the deepest one there is.
      for (let level = 0; level < depth && siblings.length > 0; level++) {
        siblings = (siblings.at(-1) as ListItem).children;
      }
      siblings.push({ text: bullet[2] ?? '', children: [] });
    } else if (line.trim()) {
      blocks.push({ kind: 'paragraph', text: line.trim() });
    }
  }
  return blocks;
}

function List({ items }: { items: ListItem[] }) {
  return (
    <ul>
      {items.map((item, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: static content, never reordered
        <li key={index}>
          {renderInline(item.text)}
          {item.children.length > 0 && <List items={item.children} />}
        </li>
      ))}
    </ul>
  );
}

/** `headingOffset` shifts `#` levels so the text sits under the page's own headings. */
export function Markdown({ source, headingOffset = 1 }: { source: string; headingOffset?: number }) {
  return (
    <div className="markdown">
      {parseBlocks(source).map((block, index) => {
        const key = `${index}-${block.kind}`;
        if (block.kind === 'heading') {
          const Heading = `h${Math.min(6, block.depth + headingOffset)}` as 'h2';
          return <Heading key={key}>{renderInline(block.text)}</Heading>;
        }
        if (block.kind === 'paragraph') return <p key={key}>{renderInline(block.text)}</p>;
        return <List key={key} items={block.items} />;
      })}
    </div>
  );
}
