/**
 * Markdown documents: remark-parse (unified) → mdast → the same units as plain text. Inline
 * markup is reduced to its text (link → its words, image → its alt text); raw HTML and link
 * definitions never survive, they are listed in `removed`; URLs are dropped entirely, so no
 * `javascript:` link can reach a page. The first level-1 heading is the headline.
 */
import type { Heading, Nodes, Root, RootContent } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { RawDocument } from '../model/raw.ts';
import type { Repair } from '../model/article.ts';
import { matchLine } from './boilerplate.ts';
import type { SrcLine, Unit } from './lines.ts';
import { parsePlainMarkdown } from './markdown-plain.ts';
import { lazyTokenCounts, repairLine } from './repair.ts';
import { isTitleRepeat, titleKey } from './title.ts';
import type { Prepared } from './txt.ts';

const parser = unified().use(remarkParse);

/** Plain text of an inline subtree; HTML is dropped, images give their alt text. */
function inlineText(node: Nodes): string {
  switch (node.type) {
    case 'text':
    case 'inlineCode':
      return node.value;
    case 'html':
      return '';
    case 'image':
    case 'imageReference':
      return node.alt ?? '';
    case 'break':
      return ' ';
    default:
      return 'children' in node ? (node.children as Nodes[]).map(inlineText).join('') : '';
  }
}

const clean = (s: string): string => s.replace(/\s+/g, ' ').trim();

export interface MarkdownOptions {
  /** Parse plain documents (paragraphs and ATX headings only) without remark (default true); same tree. */
  plainFastPath?: boolean;
}

export function prepareMarkdown(doc: RawDocument, declaredTitle: string | undefined, options: MarkdownOptions = {}): Prepared {
  const tree = (options.plainFastPath !== false ? parsePlainMarkdown(doc.text) : undefined) ?? (parser.parse(doc.text) as Root);
  const units: Unit[] = [];
  const prepared: Prepared = { units, removed: [], repairs: [], captionLines: new Set(), diagnostics: [] };
  const lineOf = (n: RootContent) => (n.position?.start.line ?? 1) + doc.lineOffset;
  const push = (kind: Unit['kind'], text: string, line: number) => {
    const t = clean(text);
    if (t) units.push({ kind, lines: [{ text: t, line }] });
  };
  let titleTaken = declaredTitle !== undefined;

  const visit = (node: RootContent, inList = false): void => {
    const line = lineOf(node);
    switch (node.type) {
      case 'heading': {
        const text = clean(inlineText(node as Heading));
        if (!titleTaken && node.depth === 1 && text) {
          prepared.titleLine = { text, line };
          titleTaken = true;
        } else if (text) push('heading', text, line);
        return;
      }
      case 'paragraph': {
        // A paragraph of nothing but images is a figure: its alt text is the caption.
        const figure = node.children.every((c) => c.type === 'image' || c.type === 'imageReference' || (c.type === 'text' && c.value.trim() === ''));
        return push(inList ? 'list-item' : figure ? 'caption' : 'text', inlineText(node), line);
      }
      case 'list':
        for (const item of node.children) {
          const parts: string[] = [];
          for (const child of item.children) {
            if (child.type === 'list') visit(child, true);
            else parts.push(inlineText(child));
          }
          push('list-item', parts.join(' '), lineOf(item));
        }
        return;
      case 'blockquote':
        return push('blockquote', node.children.map((c) => inlineText(c)).join(' '), line);
      case 'code':
        return push('text', node.value, line);
      case 'html':
        prepared.removed.push({ line, text: node.value.slice(0, 300), rule: 'html' });
        return;
      case 'thematicBreak':
        prepared.removed.push({ line, text: '---', rule: 'lone-dash' });
        return;
      case 'definition':
        prepared.removed.push({ line, text: `[${node.label ?? node.identifier}]`, rule: 'link-definition' });
        return;
      default:
        if ('children' in node) for (const c of node.children as RootContent[]) visit(c, inList);
        else if ('value' in node && typeof node.value === 'string') push('text', node.value, line);
    }
  };
  for (const node of tree.children) visit(node);

  // Line rules and title repeats, applied to each block's text as to a text line.
  const keys = new Set([titleKey(declaredTitle ?? prepared.titleLine?.text ?? '')].filter((k) => k !== ''));
  const ctx = { tokenCount: lazyTokenCounts(units.map((u) => u.lines[0]?.text ?? '')) };
  const repairs: Repair[] = prepared.repairs;
  prepared.units = units.filter((u) => {
    const l = u.lines[0] as SrcLine;
    const rule = u.kind === 'text' || u.kind === 'heading' ? matchLine(l.text)?.name : undefined;
    const drop = rule ?? (isTitleRepeat(l.text, keys) ? 'duplicate-title' : undefined);
    if (drop) prepared.removed.push({ line: l.line, text: l.text, rule: drop });
    else l.text = repairLine(l.text, l.line, { open: null }, ctx, repairs);
    return !drop;
  });
  if (prepared.titleLine) prepared.titleLine.text = repairLine(prepared.titleLine.text, prepared.titleLine.line, { open: null }, ctx, repairs);
  prepared.removed.sort((a, b) => a.line - b.line);
  return prepared;
}
