/**
 * Properties of the direct body serializer (src/render/body/html.ts), fast-check:
 * - on generated articles (every block type, hostile text, entity mentions and quotations at
 *   random offsets, hostile hrefs), renderBody gives exactly the bytes of the pipeline before it
 *   (body-reference.ts: the old transforms + mdast-util-to-hast + hast-util-to-html), the
 *   serializer accepts every tree the body builder makes (so the equality is not the fallback's),
 *   and an HTML parser finds no element, attribute or comment but the body's own;
 * - on generated mdast trees of its node types, in shapes the builder never makes, it equals
 *   toHtml(toHast(tree));
 * - with nodes, fields or properties outside its set mixed in, it refuses exactly the trees that
 *   hold one, and equals the libraries on the others.
 */
import fc from 'fast-check';
import { parseFragment, type DefaultTreeAdapterMap } from 'parse5';
import { describe, expect, it } from 'vitest';
import { mdastToHtml } from '../../src/render/body/html.ts';
import { bodyTree, libraryHtml, renderBody, renderBodyWithLibraries } from '../../src/render/body/index.ts';
import { bodyCase, mdastTree, nodesOf, ODD } from './body-arbitraries.ts';
import { referenceRenderBody } from './body-reference.ts';

type Node5 = DefaultTreeAdapterMap['node'];
const OWN_ELEMENTS = new Set(['p', 'h2', 'ul', 'li', 'blockquote', 'figure', 'figcaption', 'small', 'q', 'a']);
const OWN_ATTRIBUTES = new Set(['class', 'title', 'href']);

/** What an HTML parser finds in a body beyond the builder's own elements and attributes (text only else). */
function foreignMarkup(html: string): string[] {
  const found: string[] = [];
  const visit = (node: Node5) => {
    if (node.nodeName === '#comment') found.push('comment');
    if ('tagName' in node) {
      if (!OWN_ELEMENTS.has(node.tagName)) found.push(node.tagName);
      for (const a of node.attrs) if (!OWN_ATTRIBUTES.has(a.name)) found.push(`@${a.name}`);
    }
    if ('childNodes' in node) for (const child of node.childNodes) visit(child);
  };
  visit(parseFragment(html));
  return found;
}

describe('direct body serializer', () => {
  it('renderBody equals the pipeline before it on generated articles', () => {
    fc.assert(
      fc.property(bodyCase, ({ article, hrefs }) => {
        const entityHref = (id: string) => hrefs.get(id) ?? null;
        const expected = referenceRenderBody(article, entityHref);
        expect(mdastToHtml(bodyTree(article, entityHref))).toBe(expected);
        expect(renderBody(article, entityHref)).toBe(expected);
        expect(renderBodyWithLibraries(article, entityHref)).toBe(expected);
        expect(foreignMarkup(expected)).toEqual([]);
      }),
      { numRuns: 4000 },
    );
  });

  it('equals toHtml(toHast(tree)) on trees of its node types in any shape', () => {
    fc.assert(
      fc.property(mdastTree(false), (tree) => {
        expect(mdastToHtml(tree)).toBe(libraryHtml(tree));
      }),
      { numRuns: 3000 },
    );
  });

  it('refuses exactly the trees holding something outside its set, equals the libraries on the rest', () => {
    let refused = 0;
    let accepted = 0;
    fc.assert(
      fc.property(mdastTree(true), (tree) => {
        const html = mdastToHtml(tree);
        const holdsOdd = [...nodesOf(tree)].some((n) => ODD.has(n));
        expect(html === undefined).toBe(holdsOdd);
        if (html === undefined) refused++;
        else {
          accepted++;
          expect(html).toBe(libraryHtml(tree));
        }
      }),
      { numRuns: 3000 },
    );
    // Both branches must actually be exercised for the property to mean something.
    expect(refused).toBeGreaterThan(300);
    expect(accepted).toBeGreaterThan(300);
  });
});
