/**
 * A fast path for the Markdown most scraped articles are: paragraphs separated by blank lines and
 * ATX headings (`## Zwischentitel`), nothing else. For such text this returns the same mdast as
 * remark-parse, as far as markdown.ts reads it (node types, heading depth, text, start line);
 * for anything else it returns undefined and the caller parses with remark. remark costs ~1–2 ms
 * per article; this is a line scan.
 *
 * "Nothing else" is decided conservatively, by CommonMark's rules: any character that can start
 * inline syntax (escapes, code, emphasis, links, images, autolinks, HTML, character references)
 * anywhere, and any line start that can open a block other than a paragraph or an ATX heading
 * (indentation, block quote, list, thematic break, setext underline, fence, HTML, definition),
 * sends the whole document to remark.
 */
import type { Heading, Paragraph, Root, RootContent } from 'mdast';

/**
 * Inline syntax, and characters CommonMark rewrites (NUL, CR) or treats as indentation (tab).
 * Brackets are text unless they form an inline link or image (`](`) or meet a link definition,
 * and a definition can only start a line here (`[` is a BLOCK_START): "[North Korea]" is text.
 */
const INLINE_SYNTAX = /[\\`*_<&\0\r\t]|\]\(/;
/** Line starts that open something other than a paragraph line (an ATX heading is checked apart). */
const BLOCK_START = /^(?:[ #>*+=_`~<[-]|\d{1,9}[.)](?: |$))/;
const ATX = /^(#{1,6}) +(\S.*)$/;
const BLANK = /^ *$/;

const at = (line: number) => ({ start: { line, column: 1 }, end: { line, column: 1 } });

/** The document's mdast when it is plain (see above), else undefined. */
export function parsePlainMarkdown(text: string): Root | undefined {
  if (INLINE_SYNTAX.test(text)) return undefined;
  const lines = text.split('\n');
  const children: RootContent[] = [];
  let para: { start: number; lines: string[] } | undefined;
  const close = () => {
    if (!para) return;
    const node: Paragraph = { type: 'paragraph', children: [{ type: 'text', value: para.lines.join('\n') }], position: at(para.start) };
    children.push(node);
    para = undefined;
  };
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    const line = i + 1;
    if (BLANK.test(l)) {
      close();
      continue;
    }
    if (!BLOCK_START.test(l)) {
      if (para) para.lines.push(l);
      else para = { start: line, lines: [l] };
      continue;
    }
    const atx = ATX.exec(l);
    // A closing `#` sequence and the `#` inside heading text have rules of their own: leave them to remark.
    if (atx && !atx[2]!.includes('#')) {
      close();
      const node: Heading = { type: 'heading', depth: atx[1]!.length as Heading['depth'], children: [{ type: 'text', value: atx[2]!.trimEnd() }], position: at(line) };
      children.push(node);
      continue;
    }
    // A lone "-" between blank lines (a scraped rule) is an empty list item: remark gives a list
    // with no text, markdown.ts keeps nothing of it. After a paragraph line it would be a setext
    // underline instead, and before a non-blank line it could start an item's content.
    if (/^- *$/.test(l) && !para && (i + 1 === lines.length || BLANK.test(lines[i + 1]!))) continue;
    return undefined;
  }
  close();
  return { type: 'root', children };
}
