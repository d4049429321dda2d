/** The public JSON contract: dist/api/articles.json and its JSON Schema. */
import { z } from 'zod';
import type { SiteModel } from '../../index/index.ts';
import { EnrichedArticleSchema } from '../../model/enriched.ts';
import type { Page } from '../../model/page.ts';

export function* apiPages(site: SiteModel): Generator<Page> {
  yield { path: 'api/articles.json', content: JSON.stringify(site.articles, null, 2) + '\n' };
  const schema = z.toJSONSchema(EnrichedArticleSchema, { io: 'output', target: 'draft-2020-12' });
  yield { path: 'api/article.schema.json', content: JSON.stringify({ title: 'presseschau article', ...schema }, null, 2) + '\n' };
}
