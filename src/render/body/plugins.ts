/**
 * The two unified plugins of the article body. Both read the article from `file.data` (one frozen
 * processor serves every article) and work on the mdast built by blocksToMdast:
 * - markQuotes: each quotation the extractors found becomes `<q>` over its exact substring;
 * - linkEntities: the FIRST mention of each person, place and organisation per paragraph becomes a
 *   link to its page, placed by the extractors' occurrence offsets (never by searching the HTML).
 */
import type { Parent, Root } from 'mdast';
import type { Plugin } from 'unified';
import type { VFile } from 'vfile';
import type { EnrichedArticle } from '../../model/enriched.ts';
import { element } from './mdast.ts';
import { wrapRange } from './ranges.ts';

export interface BodyData {
  article: EnrichedArticle;
  /** href of an entity page from the article page, or null when it has none. */
  entityHref: (id: string) => string | null;
}

declare module 'vfile' {
  interface DataMap {
    body: BodyData;
  }
}

export function blockContainers(tree: Root): Map<number, Parent> {
  const out = new Map<number, Parent>();
  const visit = (node: Parent) => {
    const block = node.data?.block;
    if (block !== undefined) out.set(block, node);
    for (const child of node.children) if ('children' in child) visit(child);
  };
  visit(tree);
  return out;
}

export const markQuotes: Plugin<[], Root> = () => (tree: Root, file: VFile) => {
  const data = file.data.body;
  if (data) markQuotesIn(blockContainers(tree), data);
};

export const linkEntities: Plugin<[], Root> = () => (tree: Root, file: VFile) => {
  const data = file.data.body;
  if (data) linkEntitiesIn(blockContainers(tree), data);
};

/**
 * The transforms themselves, on a block index → container map. renderBody calls them directly
 * (a unified run per article cost more than the transforms); the plugins above wrap them.
 * Wrapping splices the containers' children, never replaces a container, so one map serves both.
 */
export function markQuotesIn(containers: ReadonlyMap<number, Parent>, data: BodyData): void {
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

/** An entity occurrence in a body block, as linkEntitiesIn places them. */
interface Mention {
  id: string;
  block: number;
  start: number;
  end: number;
}

// Blocks do not interact (each has its own container, first-mention set and overlap bound), so one
// stable sort by block, then start, longer first, visits each block's mentions in the order of
// sorting that block's list alone — without a list and a Set per block.
const byPlace = (a: Mention, b: Mention): number => a.block - b.block || a.start - b.start || b.end - a.end;
const isLink = (node: Parent): boolean => node.type === 'link';

export function linkEntitiesIn(containers: ReadonlyMap<number, Parent>, data: BodyData): void {
  const mentions: Mention[] = [];
  for (const e of data.article.entities) {
    for (const o of e.occurrences) if (o.block !== 'title') mentions.push({ id: e.id, block: o.block, start: o.start, end: o.end });
  }
  mentions.sort(byPlace);
  /** Entity id → the block it was last linked in: "linked in this block" without a Set per block. */
  const linkedIn = new Map<string, number>();
  let block = -1;
  let container: Parent | undefined;
  let lastEnd = -1;
  for (const m of mentions) {
    if (m.block !== block) {
      block = m.block;
      container = containers.get(block);
      lastEnd = -1;
    }
    if (container === undefined || m.start < lastEnd || linkedIn.get(m.id) === block) continue;
    const href = data.entityHref(m.id);
    if (href === null) continue;
    if (wrapRange(container, m.start, m.end, (inner) => ({ type: 'link', url: href, children: [inner] }), isLink)) {
      linkedIn.set(m.id, block);
      lastEnd = m.end;
    }
  }
}
