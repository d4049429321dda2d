/**
 * Article blocks → mdast, built directly (no Markdown re-parse: the text is data, and a `*` or
 * `<` in it must stay a character). Every text node carries `position` offsets into its block's
 * text, so the plugins can find entity mentions and quotations by the extractors' offsets.
 */
import type { Blockquote, Heading, List, ListItem, Paragraph, Parent, PhrasingContent, Root, RootContent, Text } from 'mdast';
import type { Block } from '../../model/article.ts';

declare module 'mdast' {
  interface Data {
    /** On block-level nodes: the index into the article's blocks it renders, for the plugins. */
    block?: number;
  }
}

/** A text node spanning the whole block, with offsets 0…length on its position. */
export function blockText(text: string, line: number): Text {
  return {
    type: 'text',
    value: text,
    position: { start: { line, column: 1, offset: 0 }, end: { line, column: text.length + 1, offset: text.length } },
  };
}

/** A phrasing node rendered as an arbitrary element (`figcaption`, `small`, `q`) through mdast-util-to-hast's `data.hName`. */
export function element(tagName: string, children: PhrasingContent[], properties: Record<string, string | string[]> = {}): PhrasingContent {
  return { type: 'emphasis', data: { hName: tagName, hProperties: properties }, children };
}

export function blocksToMdast(blocks: readonly Block[]): Root {
  return bodyMdast(blocks).tree;
}

export interface BodyMdast {
  tree: Root;
  /** Block index → the node carrying `data.block` (what blockContainers finds), recorded while building instead of by a walk. */
  containers: Map<number, Parent>;
}

export function bodyMdast(blocks: readonly Block[]): BodyMdast {
  const children: RootContent[] = [];
  const containers = new Map<number, Parent>();
  let list: List | null = null;
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i] as Block; // i < length
    const data = { block: i };
    const text = blockText(b.text, b.line);
    if (b.type !== 'list-item') list = null;
    switch (b.type) {
      case 'heading': {
        const h: Heading = { type: 'heading', depth: 2, children: [text], data };
        children.push(h);
        containers.set(i, h);
        break;
      }
      case 'caption': {
        // a figure with only its caption: the scraped text kept the caption but not the photo
        const caption: PhrasingContent[] = [text];
        if (b.credit) caption.push({ type: 'text', value: ' ' }, element('small', [{ type: 'text', value: `Foto: ${b.credit}` }], { className: ['credit'] }));
        const figure: Paragraph = { type: 'paragraph', children: [element('figcaption', caption)], data: { block: i, hName: 'figure' } };
        children.push(figure);
        containers.set(i, figure);
        break;
      }
      case 'list-item': {
        const paragraph: Paragraph = { type: 'paragraph', children: [text], data };
        const item: ListItem = { type: 'listItem', spread: false, children: [paragraph] };
        containers.set(i, paragraph);
        if (list === null) {
          list = { type: 'list', ordered: false, spread: false, children: [] };
          children.push(list);
        }
        list.children.push(item);
        break;
      }
      case 'blockquote': {
        const paragraph: Paragraph = { type: 'paragraph', children: [text], data };
        const q: Blockquote = { type: 'blockquote', children: [paragraph] };
        children.push(q);
        containers.set(i, paragraph);
        break;
      }
      default: {
        const p: Paragraph = { type: 'paragraph', children: [text], data };
        children.push(p);
        containers.set(i, p);
      }
    }
  }
  return { tree: { type: 'root', children }, containers };
}
