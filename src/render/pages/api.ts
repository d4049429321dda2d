/** The public JSON contract: dist/api/articles.json and its JSON Schema. */
import { z } from 'zod';
import type { SiteModel } from '../../index/index.ts';
import { EnrichedArticleSchema } from '../../model/enriched.ts';
import { createHash } from 'node:crypto';
import type { LazyPage, Page } from '../../model/page.ts';
import { jsonChunks } from '../json-chunks.ts';
import { recordKey } from '../lazy.ts';

/** One chunk per record: ~20 KB each, and the file grows with the corpus (see json-chunks.ts). */
function* articlesJson(site: SiteModel): Generator<string> {
  yield* jsonChunks(site.articles, 1);
  yield '\n';
}

export function* apiPages(site: SiteModel): Generator<Page | LazyPage> {
  // Lazy: the file is a function of the records alone, so their fingerprints in order are its key.
  const key = createHash('sha1');
  for (const a of site.articles) key.update(recordKey(site, a)).update('\0');
  yield { path: 'api/articles.json', key: key.digest('base64url'), render: () => articlesJson(site) };
  const schema = z.toJSONSchema(EnrichedArticleSchema, { io: 'output', target: 'draft-2020-12' });
  yield { path: 'api/article.schema.json', content: JSON.stringify({ title: 'presseschau article', ...schema }, null, 2) + '\n' };
}
