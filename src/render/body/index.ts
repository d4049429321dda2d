/**
 * Article body: blocks → mdast → (markQuotes, linkEntities) → hast → HTML. No raw HTML node can
 * appear: the tree is built from text, and hast-util-to-html escapes every text and attribute.
 */
import { toHtml } from 'hast-util-to-html';
import { toHast } from 'mdast-util-to-hast';
import { unified } from 'unified';
import { VFile } from 'vfile';
import type { EnrichedArticle } from '../../model/enriched.ts';
import { blocksToMdast } from './mdast.ts';
import { linkEntities, markQuotes, type BodyData } from './plugins.ts';

// Quotes first: a mention inside a quotation is still linked, inside the <q>.
const processor = unified().use(markQuotes).use(linkEntities).freeze();

export function renderBody(article: EnrichedArticle, entityHref: BodyData['entityHref']): string {
  const file = new VFile();
  file.data.body = { article, entityHref };
  const tree = processor.runSync(blocksToMdast(article.blocks), file);
  const hast = toHast(tree, { allowDangerousHtml: false });
  return toHtml(hast, { allowDangerousHtml: false });
}
