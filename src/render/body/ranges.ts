/**
 * Wrap a character range of a block in a new node, on the syntax tree: find the text node whose
 * position offsets contain [start, end), split it in up to three, and put the middle into the
 * wrapper. Ranges that cross node boundaries are refused (returns false), never guessed.
 * An article links ~50 mentions, so the split splices in place (no parts array, no spread).
 */
import type { Parent, PhrasingContent, Text } from 'mdast';

export type Wrap = (inner: Text) => PhrasingContent;

export function wrapRange(container: Parent, start: number, end: number, wrap: Wrap, skip?: (node: Parent) => boolean): boolean {
  if (end <= start) return false;
  const children = container.children as PhrasingContent[];
  for (let i = 0; i < children.length; i++) {
    const node = children[i];
    if (!node) continue;
    if (node.type === 'text') {
      const from = node.position?.start.offset;
      const to = node.position?.end.offset;
      if (from === undefined || to === undefined || start < from || end > to) continue;
      const middle = wrap(slice(node, start, end));
      if (start > from && end < to) children.splice(i, 1, slice(node, from, start), middle, slice(node, end, to));
      else if (start > from) children.splice(i, 1, slice(node, from, start), middle);
      else if (end < to) children.splice(i, 1, middle, slice(node, end, to));
      else children[i] = middle;
      return true;
    }
    if ('children' in node && (skip === undefined || !skip(node))) {
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
