/**
 * The article body mdast straight to HTML, without hast in between: one handler per node type in
 * a registry (as mdast-util-to-hast and hast-util-to-html are built), each returning the exact
 * bytes `toHtml(toHast(tree))` gives for that node. toHast + toHtml were ~85 % of renderBody
 * (generic visitors, property lookup and normalisation, structuredClone of hProperties, a
 * stringifyEntities options object per text), for a tree whose shape is fixed by blocksToMdast
 * and the two transforms.
 *
 * The handlers know only that closed set: root, paragraph (optionally `hName: 'figure'`), heading
 * of depth 2, a tight unordered list of tight items, blockquote, text, link without title, and
 * emphasis renamed by `hName` to figcaption / small / q with `className` / `title` properties.
 * A node, field or property outside it makes mdastToHtml return undefined, and the caller renders
 * the whole tree with the libraries: never a guess at what they would have done.
 *
 * Safety: tag and attribute names come from this file only; every text and attribute value goes
 * through escape.ts, so text can never become markup.
 */
import type { Blockquote, Data, Emphasis, Heading, Link, List, ListItem, Nodes, Paragraph, Parent, Root, Text } from 'mdast';
import { normalizeUri } from 'micromark-util-sanitize-uri';
import { trimLines } from 'trim-lines';
import { escapeAttribute, escapeText } from './escape.ts';

/** Passed to every handler; `anchors` memoises `<a href="…">` per url (entity hrefs repeat across articles). */
export interface State {
  anchors: Map<string, string>;
}

type Handler<N extends Nodes> = (node: N, state: State) => string | undefined;
type Handlers = { [K in Nodes['type']]?: Handler<Extract<Nodes, { type: K }>> };

const handlerList: Handlers = { root, paragraph, heading, list, listItem, blockquote, text, link, emphasis };
// A Map: no prototype keys to guard against, and one probe per node. The widening cast: each entry
// pairs a type with the handler of that node type, which TypeScript cannot carry through entries.
const handlers = new Map(Object.entries(handlerList) as [string, Handler<Nodes>][]);

/** Bounded: hrefs come from the corpus's entities, but a long-lived process must not grow without end. */
const ANCHOR_MEMO_LIMIT = 10_000;
const sharedState: State = { anchors: new Map() };

/** HTML of a body tree, or undefined when the tree holds anything outside the closed set above. */
export function mdastToHtml(tree: Root, state: State = sharedState): string | undefined {
  if (state.anchors.size > ANCHOR_MEMO_LIMIT) state.anchors.clear();
  return one(tree, state);
}

function one(node: Nodes, state: State): string | undefined {
  const handle = handlers.get(node.type);
  return handle === undefined ? undefined : handle(node, state);
}

/** Children concatenated, as hast-util-to-html joins them (the hast step adds nothing for phrasing). */
function all(parent: Parent, state: State): string | undefined {
  let out = '';
  for (const child of parent.children) {
    const html = one(child, state);
    if (html === undefined) return undefined;
    out += html;
  }
  return out;
}

/**
 * Children separated by newlines, as mdast-util-to-hast's `state.wrap`; `loose` adds one before
 * and (if there are children) one after.
 */
function wrap(parent: Parent, state: State, loose: boolean): string | undefined {
  let out = loose ? '\n' : '';
  const children = parent.children;
  for (let i = 0; i < children.length; i++) {
    const html = one(children[i] as Nodes, state); // i < length: defined
    if (html === undefined) return undefined;
    out += i === 0 ? html : '\n' + html;
  }
  return loose && children.length > 0 ? out + '\n' : out;
}

/** True when `data` has only keys in `allowed` (mdast-util-to-hast reads hName, hProperties and hChildren). */
function dataWithin(data: Data | undefined, allowed: readonly string[]): boolean {
  if (data === undefined) return true;
  for (const key in data) if (!allowed.includes(key)) return false;
  return true;
}

function root(node: Root, state: State): string | undefined {
  return node.data === undefined ? wrap(node, state, false) : undefined;
}

const PARAGRAPH_DATA = ['block', 'hName'];

function paragraph(node: Paragraph, state: State): string | undefined {
  const data = node.data;
  if (!dataWithin(data, PARAGRAPH_DATA)) return undefined;
  const name = data?.hName;
  if (name !== undefined && name !== 'figure') return undefined;
  const inner = all(node, state);
  if (inner === undefined) return undefined;
  return name === 'figure' ? '<figure>' + inner + '</figure>' : '<p>' + inner + '</p>';
}

const BLOCK_DATA = ['block'];

function heading(node: Heading, state: State): string | undefined {
  if (node.depth !== 2 || !dataWithin(node.data, BLOCK_DATA)) return undefined;
  const inner = all(node, state);
  return inner === undefined ? undefined : '<h2>' + inner + '</h2>';
}

function blockquote(node: Blockquote, state: State): string | undefined {
  if (!dataWithin(node.data, BLOCK_DATA)) return undefined;
  const inner = wrap(node, state, true);
  return inner === undefined ? undefined : '<blockquote>' + inner + '</blockquote>';
}

/**
 * Only tight lists (list and every item `spread: false`) without start or task items: then
 * mdast-util-to-hast's looseness is false for every item, whatever its parent, and each item's
 * paragraphs are unwrapped. Children must all be list items (looseness reads their `spread`).
 */
function list(node: List, state: State): string | undefined {
  if (node.ordered || node.spread !== false || (node.start !== undefined && node.start !== null) || node.data !== undefined) return undefined;
  for (const child of node.children) if (child.type !== 'listItem') return undefined;
  const inner = wrap(node, state, true);
  return inner === undefined ? undefined : '<ul>' + inner + '</ul>';
}

/** mdast-util-to-hast's listItem for a tight item: a newline before every child but a leading `p`, and after a last non-`p`. */
function listItem(node: ListItem, state: State): string | undefined {
  if (node.spread !== false || (node.checked !== undefined && node.checked !== null) || node.data !== undefined) return undefined;
  let out = '';
  const children = node.children;
  let tailIsP = true;
  for (let i = 0; i < children.length; i++) {
    const child = children[i] as Nodes; // i < length: defined
    // A paragraph renders as `p` unless hName renames it; only a `p` is unwrapped.
    const isP = child.type === 'paragraph' && child.data?.hName === undefined;
    if (i !== 0 || !isP) out += '\n';
    let html: string | undefined;
    if (isP) html = dataWithin(child.data, PARAGRAPH_DATA) ? all(child, state) : undefined;
    else html = one(child, state);
    if (html === undefined) return undefined;
    out += html;
    tailIsP = isP;
  }
  if (children.length > 0 && !tailIsP) out += '\n';
  return '<li>' + out + '</li>';
}

/** Text that needs more than the escape test: trimLines (spaces around line breaks) reads `\r` and `\n`. */
const TEXT_SLOW = /[\n\r&<]/;

function text(node: Text, _state: State): string | undefined {
  const value = node.value;
  if (typeof value !== 'string' || node.data !== undefined) return undefined;
  return TEXT_SLOW.test(value) ? escapeText(trimLines(value)) : value;
}

/** The href exactly as mdast-util-to-hast's link handler makes it (its own normalizeUri), then escaped. */
function link(node: Link, state: State): string | undefined {
  const url = node.url;
  if (typeof url !== 'string' || (node.title !== undefined && node.title !== null) || node.data !== undefined) return undefined;
  let open = state.anchors.get(url);
  if (open === undefined) {
    open = '<a href="' + escapeAttribute(normalizeUri(url)) + '">';
    state.anchors.set(url, open);
  }
  const inner = all(node, state);
  return inner === undefined ? undefined : open + inner + '</a>';
}

const EMPHASIS_DATA = ['hName', 'hProperties'];
const EMPHASIS_NAMES = ['figcaption', 'small', 'q'];

function emphasis(node: Emphasis, state: State): string | undefined {
  const data = node.data;
  if (data === undefined || !dataWithin(data, EMPHASIS_DATA)) return undefined;
  const name = data.hName;
  if (name === undefined || !EMPHASIS_NAMES.includes(name)) return undefined;
  const attributes = data.hProperties === undefined ? '' : serializeProperties(data.hProperties);
  if (attributes === undefined) return undefined;
  const inner = all(node, state);
  return inner === undefined ? undefined : '<' + name + attributes + '>' + inner + '</' + name + '>';
}

/**
 * hast-util-to-html's attributes for the two properties the body uses, in the object's key order
 * (Object.assign and structuredClone keep it): `className` (space-separated: joined by spaces,
 * trimmed) as `class`, `title` as a string; each ` name="escaped"`, an empty value as `name=""`.
 * An inherited key is refused: structuredClone (in mdast-util-to-hast) would have dropped it.
 */
function serializeProperties(properties: NonNullable<Data['hProperties']>): string | undefined {
  let out = '';
  for (const key in properties) {
    if (!Object.hasOwn(properties, key)) return undefined;
    const value = properties[key];
    if (key === 'className' && Array.isArray(value) && value.every((v) => typeof v === 'string')) {
      out += ' class="' + escapeAttribute(value.join(' ').trim()) + '"';
    } else if (key === 'title' && typeof value === 'string') {
      out += ' title="' + escapeAttribute(value) + '"';
    } else return undefined;
  }
  return out;
}
