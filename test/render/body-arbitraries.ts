/**
 * fast-check generators for the body serializer tests (body-html.property.test.ts):
 * - `bodyCase`: an article whose blocks (every block type, captions with and without credit) are
 *   text dense in what escaping, trimLines and normalizeUri care about, with entity occurrences
 *   and quotations at random offsets (valid, overlapping, nested, crossing, out of range), and an
 *   entity → href table (null, plain page paths, hostile strings);
 * - `mdastTree(weird)`: mdast trees of the node types the serializer knows, in shapes the block
 *   builder never makes (several children per quote or item, empty parents, figures in items);
 *   with `weird`, also nodes, fields and properties outside its set (raw `html`, strong, titled
 *   links, hChildren, ordered or loose lists, foreign properties), which it must refuse.
 */
import fc from 'fast-check';
import type { BlockContent, Blockquote, Emphasis, Link, List, ListItem, Nodes, Paragraph, PhrasingContent, Root, RootContent, Text } from 'mdast';
import type { Block } from '../../src/model/article.ts';
import type { EnrichedArticle, EntityRef, Quote } from '../../src/model/enriched.ts';

/** Pieces text is made of: what escaping, trimLines and normalizeUri treat specially, and German news. */
const PIECES = [
  '<', '>', '&', '"', "'", '`', '=', '\0', '\x01', '\x1f', '\x7f', '\t', '\n', '\r', '\r\n', ' ', '  ', ' \n ', '\t\r\n\t',
  '\u00a0', '\u00ad', '\u2028', '\ufeff', 'ä', 'ö', 'ü', 'Ä', 'ß', '„', '“', '‚', '‘', '»', '«', '–', '😀', '👍🏽', '🇩🇪',
  '\ud800', '\udfff', '%', '%41', '%zz', '&amp;', '&#x3C;', '<b>', '</p>', '<script>alert(1)</script>',
  'https://example.org/a?b=1&c=2#x', 'javascript:alert(1)', 'Putin', 'Kim Jong Un', 'sagte', 'er.', 'Pjöngjang', 'a', 'b', '1',
];
const piece = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...PIECES) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 4 }) },
);
export const text = (maxLength = 16): fc.Arbitrary<string> => fc.array(piece, { maxLength }).map((p) => p.join(''));
const nonEmptyText = text().filter((t) => t.length > 0);

const ENTITY_IDS = ['kim', 'putin', 'a b', 'ä', '<x>', '"q"', "it's", '%41', '%zz', '😀', '\ud800', 'x&y', 'javascript:alert(1)'];
const href = fc.oneof(
  fc.constant(null),
  fc.constantFrom(...ENTITY_IDS).map((id) => `../personen/${id}.html`),
  fc.constantFrom('', '#', '?a=1&b="2"', 'https://example.org/ä ö?q=`x`', '../orte/%E4.html', 'javascript:alert(1)'),
  text(6),
);
const block: fc.Arbitrary<Block> = fc.oneof(
  fc.record({ type: fc.constantFrom('paragraph', 'heading', 'list-item', 'blockquote'), text: nonEmptyText, line: fc.integer({ min: 1, max: 500 }) }),
  fc.record({ type: fc.constant('caption'), text: nonEmptyText, line: fc.integer({ min: 1, max: 500 }) }),
  fc.record({ type: fc.constant('caption'), text: nonEmptyText, credit: text(), line: fc.integer({ min: 1, max: 500 }) }),
) as fc.Arbitrary<Block>; // the record arbitraries build exactly the Block shapes; fc widens the literal types

/** Offsets: mostly inside short texts (so ranges land), sometimes past the end. */
const offset = fc.oneof({ weight: 5, arbitrary: fc.nat(24) }, { weight: 1, arbitrary: fc.nat(400) });

export interface BodyCase {
  article: EnrichedArticle;
  hrefs: ReadonlyMap<string, string | null>;
}

export const bodyCase: fc.Arbitrary<BodyCase> = fc.array(block, { maxLength: 8 }).chain((blocks) => {
  const blockIndex = fc.oneof({ weight: 8, arbitrary: fc.nat(Math.max(0, blocks.length - 1)) }, { weight: 1, arbitrary: fc.nat(blocks.length + 2) });
  const occurrence = fc.record({ block: fc.oneof({ weight: 6, arbitrary: blockIndex }, { weight: 1, arbitrary: fc.constant('title' as const) }), start: offset, len: fc.oneof(fc.nat(8), fc.constant(0)) })
    .map(({ block: b, start, len }) => ({ block: b, start, end: start + len, text: typeof b === 'number' ? (blocks[b]?.text.slice(start, start + len) ?? '') : '' }));
  const entity: fc.Arbitrary<EntityRef> = fc.record({ id: fc.constantFrom(...ENTITY_IDS), type: fc.constantFrom('person', 'place', 'organisation'), occurrences: fc.array(occurrence, { maxLength: 8 }) })
    .map(({ id, type, occurrences }) => ({ id, name: id, type, mentions: Math.max(1, occurrences.length), occurrences }));
  const quote: fc.Arbitrary<Quote> = fc.record({ paragraph: blockIndex, from: offset, len: fc.nat(30), own: text(6), substring: fc.boolean(), speakerName: fc.option(text(6)) })
    .map(({ paragraph, from, len, own, substring, speakerName }) => ({
      text: substring ? (blocks[paragraph]?.text.slice(from, from + len) ?? own) : own,
      speakerId: null, speakerName, paragraph, evidence: '', sameAs: [],
    }));
  return fc.record({
    entities: fc.array(entity, { maxLength: 6 }),
    quotes: fc.array(quote, { maxLength: 5 }),
    hrefs: fc.tuple(...ENTITY_IDS.map(() => href)).map((hs) => new Map(ENTITY_IDS.map((id, i) => [id, hs[i] ?? null]))),
  }).map(({ entities, quotes, hrefs }) => ({ article: article(blocks, entities, quotes), hrefs }));
});

export function article(blocks: Block[], entities: EntityRef[] = [], quotes: Quote[] = []): EnrichedArticle {
  return {
    id: 'p-001', slug: 'p-001', path: 'artikel/p-001.html', sourceFile: 'p-001.txt', sha256: '0'.repeat(64), language: 'de',
    title: 'Titel', titleProvenance: 'extracted', titleEvidence: 'Titel', blocks, removed: [], repairs: [], source: null, credits: [],
    declared: {}, wordCount: 1, readingMinutes: 1, published: null, event: null, mentionedEvents: [], entities, quotes, candidates: [],
  };
}

// ---- mdast trees

const props = fc.oneof(
  fc.constant(undefined),
  fc.constant({}),
  text(6).map((title) => ({ title })),
  fc.array(text(3), { maxLength: 3 }).map((className) => ({ className })),
  fc.tuple(text(3), text(4)).map(([c, title]) => ({ className: [c], title })),
  fc.tuple(text(3), text(4)).map(([c, title]) => ({ title, className: [c, ' '] })),
);
const weirdProps = fc.constantFrom<Record<string, unknown>>({ id: 'x' }, { style: 'color:red' }, { className: 'credit' }, { title: null }, { title: 3 }, { class: 'x' }, { onclick: 'alert(1)' }, { hidden: true });

/** The nodes the weird generator put outside the serializer's set (by identity): a tree holding one must be refused. */
export const ODD = new WeakSet<object>();
const odd = <T extends object>(a: fc.Arbitrary<T>): fc.Arbitrary<T> => a.map((node) => (ODD.add(node), node));

interface Trees {
  phrasing: PhrasingContent;
  block: RootContent;
  item: ListItem;
}

export function mdastTree(weird: boolean): fc.Arbitrary<Root> {
  const trees = fc.letrec<Trees>((tie) => {
    // fc.letrec's tie is untyped (Arbitrary<unknown>); the keys name the arbitraries returned below.
    const phrasings = fc.array(tie('phrasing') as fc.Arbitrary<PhrasingContent>, { maxLength: 4 });
    const blocks = fc.array(tie('block') as fc.Arbitrary<RootContent>, { maxLength: 3 });
    const items = (maxLength: number) => fc.array(tie('item') as fc.Arbitrary<ListItem>, { maxLength });
    const textNode: fc.Arbitrary<Text> = fc.record({ type: fc.constant('text' as const), value: text() });
    const link: fc.Arbitrary<Link> = fc.record({ type: fc.constant('link' as const), url: fc.oneof(text(6), fc.constantFrom('../personen/kim.html', 'a b', '%zz')), children: phrasings });
    const element: fc.Arbitrary<Emphasis> = fc.record({ name: fc.constantFrom('figcaption', 'small', 'q'), p: props, children: phrasings })
      .map(({ name, p, children }) => ({ type: 'emphasis', data: p === undefined ? { hName: name } : { hName: name, hProperties: p }, children }));
    const normalPhrasing = fc.oneof({ weight: 4, arbitrary: textNode }, { weight: 1, arbitrary: link }, { weight: 1, arbitrary: element });
    const oddPhrasing = odd(fc.oneof(
      fc.constant({ type: 'html', value: '<script>alert(1)</script>' } as PhrasingContent),
      fc.constant({ type: 'break' } as PhrasingContent),
      fc.constant({ type: 'inlineCode', value: '<x>' } as PhrasingContent),
      phrasings.map((children) => ({ type: 'strong', children }) as PhrasingContent),
      phrasings.map((children) => ({ type: 'emphasis', children }) as PhrasingContent),
      phrasings.map((children) => ({ type: 'link', url: 'x', title: 't', children }) as PhrasingContent),
      phrasings.map((children) => ({ type: 'emphasis', data: { hName: 'div' }, children }) as PhrasingContent),
      phrasings.map((children) => ({ type: 'emphasis', data: { hName: 'q', hChildren: [] }, children }) as PhrasingContent),
      fc.tuple(weirdProps, phrasings).map(([p, children]) => ({ type: 'emphasis', data: { hName: 'small', hProperties: p }, children }) as PhrasingContent),
      text().map((value) => ({ type: 'text', value, data: { hName: 'b' } }) as PhrasingContent),
    ));
    const paragraph: fc.Arbitrary<Paragraph> = fc.record({ figure: fc.boolean(), block: fc.boolean(), children: phrasings })
      .map(({ figure, block: b, children }) => ({ type: 'paragraph', children, ...(figure || b ? { data: { ...(b ? { block: 0 } : {}), ...(figure ? { hName: 'figure' } : {}) } } : {}) }));
    const heading = phrasings.map((children) => ({ type: 'heading', depth: 2, children, data: { block: 1 } }) as RootContent);
    const blockquote = blocks.map((children) => ({ type: 'blockquote', children: children as BlockContent[] }) as Blockquote);
    const list: fc.Arbitrary<List> = items(3).map((children) => ({ type: 'list', ordered: false, spread: false, children }));
    // Loose or unspecified items only when weird: looseness changes every item of the list.
    const spread = weird ? fc.constantFrom(false, false, false, true, undefined) : fc.constant(false);
    const item: fc.Arbitrary<ListItem> = fc.record({ spread, children: blocks })
      .map(({ spread: s, children }) => {
        const node: ListItem = { type: 'listItem', ...(s === undefined ? {} : { spread: s }), children: children as BlockContent[] };
        if (s !== false) ODD.add(node);
        return node;
      });
    const oddBlock = odd(fc.oneof(
      fc.constant({ type: 'thematicBreak' } as RootContent),
      fc.constant({ type: 'code', value: '<x>' } as RootContent),
      fc.constant({ type: 'html', value: '<iframe src="x"></iframe>' } as RootContent),
      phrasings.map((children) => ({ type: 'heading', depth: 3, children }) as RootContent),
      phrasings.map((children) => ({ type: 'paragraph', data: { hName: 'div' }, children }) as RootContent),
      items(2).map((children) => ({ type: 'list', ordered: true, spread: false, children }) as RootContent),
      items(2).map((children) => ({ type: 'list', ordered: false, spread: false, start: 3, children }) as RootContent),
      items(2).map((children) => ({ type: 'list', ordered: false, children }) as RootContent),
      blocks.map((children) => ({ type: 'listItem', spread: false, checked: true, children }) as RootContent),
      fc.array(paragraph, { minLength: 1, maxLength: 2 }).map((children) => ({ type: 'list', ordered: false, spread: false, children }) as unknown as RootContent),
    ));
    const normalBlock = fc.oneof({ weight: 4, arbitrary: paragraph }, { weight: 1, arbitrary: heading }, { weight: 1, arbitrary: blockquote }, { weight: 1, arbitrary: list }, { weight: 1, arbitrary: item }, { weight: 1, arbitrary: textNode });
    return {
      phrasing: weird ? fc.oneof({ weight: 5, arbitrary: normalPhrasing }, { weight: 1, arbitrary: oddPhrasing }) : normalPhrasing,
      block: (weird ? fc.oneof({ weight: 5, arbitrary: normalBlock }, { weight: 1, arbitrary: oddBlock }) : normalBlock) as fc.Arbitrary<RootContent>,
      item,
    };
  });
  return fc.array(trees.block, { maxLength: 5 }).map((children) => ({ type: 'root', children }) as Root);
}

/** Every node of a tree, for assertions about what a tree holds. */
export function* nodesOf(node: Nodes): Generator<Nodes> {
  yield node;
  if ('children' in node) for (const child of node.children) yield* nodesOf(child);
}
