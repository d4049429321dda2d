/**
 * Article body: blocks → mdast → (markQuotes, linkEntities; the plugins' transforms, called directly) → hast → HTML. No raw HTML node can
 * appear: the tree is built from text, and hast-util-to-html escapes every text and attribute.
 */
import { toHtml } from 'hast-util-to-html';
import { toHast } from 'mdast-util-to-hast';
import type { EnrichedArticle } from '../../model/enriched.ts';
import { blocksToMdast } from './mdast.ts';
import { blockContainers, linkEntitiesIn, markQuotesIn, type BodyData } from './plugins.ts';

export function renderBody(article: EnrichedArticle, entityHref: BodyData['entityHref']): string {
  const tree = blocksToMdast(article.blocks);
  const containers = blockContainers(tree);
  const data: BodyData = { article, entityHref };
  // Quotes first: a mention inside a quotation is still linked, inside the <q>.
  markQuotesIn(containers, data);
  linkEntitiesIn(containers, data);
  const hast = toHast(tree, { allowDangerousHtml: false });
  return toHtml(hast, { allowDangerousHtml: false });
}
