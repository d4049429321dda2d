/**
 * The article body pipeline as it was before the direct serializer (commit 522d2d4:
 * src/render/body/{mdast,plugins,ranges,index}.ts), kept verbatim as the reference the tests
 * compare against: blocks → mdast → markQuotes, linkEntities → mdast-util-to-hast →
 * hast-util-to-html. Frozen on purpose: the transforms in src/ were reworked for speed too, so
 * comparing src/ with itself would prove nothing about them. Do not "fix" this file.
 */
import { toHtml } from 'hast-util-to-html';
import type { Blockquote, Heading, List, ListItem, Paragraph, Parent, PhrasingContent, Root, RootContent, Text } from 'mdast';
import { toHast } from 'mdast-util-to-hast';
import type { Block } from '../../src/model/article.ts';
import type { EnrichedArticle } from '../../src/model/enriched.ts';

interface BodyData {
  article: EnrichedArticle;
  entityHref: (id: string) => string | null;
}

export function referenceRenderBody(article: EnrichedArticle, entityHref: BodyData['entityHref']): string {
  const tree = blocksToMdast(article.blocks);
  const containers = blockContainers(tree);
  const data: BodyData = { article, entityHref };
  markQuotesIn(containers, data);
  linkEntitiesIn(containers, data);
  const hast = toHast(tree, { allowDangerousHtml: false });
  return toHtml(hast, { allowDangerousHtml: false });
}

// ---- mdast.ts
/** A text node spanning the whole block, with offsets 0…length on its position. */
function blockText(text: string, line: number): Text {
  return {
    type: 'text',
    value: text,
    position: { start: { line, column: 1, offset: 0 }, end: { line, column: text.length + 1, offset: text.length } },
  };
}

/** A phrasing node rendered as an arbitrary element (`figcaption`, `small`, `q`) through mdast-util-to-hast's `data.hName`. */
function element(tagName: string, children: PhrasingContent[], properties: Record<string, string | string[]> = {}): PhrasingContent {
  return { type: 'emphasis', data: { hName: tagName, hProperties: properties }, children };
}

function blocksToMdast(blocks: readonly Block[]): Root {
  const children: RootContent[] = [];
  let list: List | null = null;
  blocks.forEach((b, i) => {
    const data = { block: i };
    const text = blockText(b.text, b.line);
    if (b.type !== 'list-item') list = null;
    switch (b.type) {
      case 'heading': {
        const h: Heading = { type: 'heading', depth: 2, children: [text], data };
        children.push(h);
        break;
      }
      case 'caption': {
        // a figure with only its caption: the scraped text kept the caption but not the photo
        const caption: PhrasingContent[] = [text];
        if (b.credit) caption.push({ type: 'text', value: ' ' }, element('small', [{ type: 'text', value: `Foto: ${b.credit}` }], { className: ['credit'] }));
        const figure: Paragraph = { type: 'paragraph', children: [element('figcaption', caption)], data: { ...data, hName: 'figure' } };
        children.push(figure);
        break;
      }
      case 'list-item': {
        const item: ListItem = { type: 'listItem', spread: false, children: [{ type: 'paragraph', children: [text], data }] };
        if (list === null) {
          list = { type: 'list', ordered: false, spread: false, children: [] };
          children.push(list);
        }
        list.children.push(item);
        break;
      }
      case 'blockquote': {
        const q: Blockquote = { type: 'blockquote', children: [{ type: 'paragraph', children: [text], data }] };
        children.push(q);
        break;
      }
      default: {
        const p: Paragraph = { type: 'paragraph', children: [text], data };
        children.push(p);
      }
    }
  });
  return { type: 'root', children };
}

// ---- plugins.ts
function blockContainers(tree: Root): Map<number, Parent> {
  const out = new Map<number, Parent>();
  const visit = (node: Parent) => {
    const block = node.data?.block;
    if (block !== undefined) out.set(block, node);
    for (const child of node.children) if ('children' in child) visit(child);
  };
  visit(tree);
  return out;
}
function markQuotesIn(containers: ReadonlyMap<number, Parent>, data: BodyData): void {
  for (const q of data.article.quotes) {
    const block = data.article.blocks[q.paragraph];
    const container = containers.get(q.paragraph);
    if (!block || !container || q.text.trim() === '') continue;
    const start = block.text.indexOf(q.text);
    if (start === -1) continue;
    const props: Record<string, string> = q.speakerName ? { title: `Zitat: ${q.speakerName}` } : {};
    wrapRange(container, start, start + q.text.length, (inner) => element('q', [inner], props));
  }
}

function linkEntitiesIn(containers: ReadonlyMap<number, Parent>, data: BodyData): void {
  const perBlock = new Map<number, { id: string; start: number; end: number }[]>();
  for (const e of data.article.entities) {
    for (const o of e.occurrences) {
      if (o.block === 'title') continue;
      let list = perBlock.get(o.block);
      if (!list) perBlock.set(o.block, (list = []));
      list.push({ id: e.id, start: o.start, end: o.end });
    }
  }
  for (const [block, list] of perBlock) {
    const container = containers.get(block);
    if (!container) continue;
    list.sort((a, b) => a.start - b.start || b.end - a.end);
    const linked = new Set<string>();
    let lastEnd = -1;
    for (const o of list) {
      if (linked.has(o.id) || o.start < lastEnd) continue;
      const href = data.entityHref(o.id);
      if (href === null) continue;
      const ok = wrapRange(container, o.start, o.end, (inner) => ({ type: 'link', url: href, children: [inner] }), (n) => n.type === 'link');
      if (ok) {
        linked.add(o.id);
        lastEnd = o.end;
      }
    }
  }
}

// ---- ranges.ts
type Wrap = (inner: Text) => PhrasingContent;

function wrapRange(container: Parent, start: number, end: number, wrap: Wrap, skip: (node: Parent) => boolean = () => false): boolean {
  if (end <= start) return false;
  const children = container.children as PhrasingContent[];
  for (let i = 0; i < children.length; i++) {
    const node = children[i];
    if (!node) continue;
    if (node.type === 'text') {
      const from = node.position?.start.offset;
      const to = node.position?.end.offset;
      if (from === undefined || to === undefined || start < from || end > to) continue;
      const parts: PhrasingContent[] = [];
      if (start > from) parts.push(slice(node, from, start));
      parts.push(wrap(slice(node, start, end)));
      if (end < to) parts.push(slice(node, end, to));
      children.splice(i, 1, ...parts);
      return true;
    }
    if ('children' in node && !skip(node)) {
      if (wrapRange(node, start, end, wrap, skip)) return true;
    }
  }
  return false;
}

/** The part [from, to) of a text node (offsets into the block), keeping its position honest. */
function slice(node: Text, from: number, to: number): Text {
  const base = node.position?.start.offset ?? 0;
  const line = node.position?.start.line ?? 1;
  return {
    type: 'text',
    value: node.value.slice(from - base, to - base),
    position: { start: { line, column: from + 1, offset: from }, end: { line, column: to + 1, offset: to } },
  };
}
