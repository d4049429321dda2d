/**
 * Article body: blocks → mdast → (markQuotes, linkEntities; the plugins' transforms, called
 * directly) → HTML. The HTML comes from html.ts, a direct serializer of exactly the trees built
 * here, byte-identical to mdast-util-to-hast + hast-util-to-html (property-tested against them);
 * a tree it does not know goes through those libraries instead. No raw HTML node can appear
 * either way: the tree is built from text, and every text and attribute is escaped.
 */
import { toHtml } from 'hast-util-to-html';
import { toHast } from 'mdast-util-to-hast';
import type { Root } from 'mdast';
import type { EnrichedArticle } from '../../model/enriched.ts';
import { mdastToHtml } from './html.ts';
import { bodyMdast } from './mdast.ts';
import { linkEntitiesIn, markQuotesIn, type BodyData } from './plugins.ts';

export function renderBody(article: EnrichedArticle, entityHref: BodyData['entityHref']): string {
  const tree = bodyTree(article, entityHref);
  return mdastToHtml(tree) ?? libraryHtml(tree);
}

/** The same body through mdast-util-to-hast + hast-util-to-html: the reference the tests compare with. */
export function renderBodyWithLibraries(article: EnrichedArticle, entityHref: BodyData['entityHref']): string {
  return libraryHtml(bodyTree(article, entityHref));
}

/** The body mdast with quotations marked and entities linked. */
export function bodyTree(article: EnrichedArticle, entityHref: BodyData['entityHref']): Root {
  const { tree, containers } = bodyMdast(article.blocks);
  const data: BodyData = { article, entityHref };
  // Quotes first: a mention inside a quotation is still linked, inside the <q>.
  markQuotesIn(containers, data);
  linkEntitiesIn(containers, data);
  return tree;
}

export function libraryHtml(tree: Root): string {
  return toHtml(toHast(tree, { allowDangerousHtml: false }), { allowDangerousHtml: false });
}
