/**
 * The public JSON contract: dist/api/articles.json and its JSON Schema.
 *
 * articles.json is a JSON array of the full records, sorted by id, one record per line (compact:
 * at 10 000 articles the indented form was 226 MB, this ~150 MB; `jq`, `JSON.parse` and line
 * tools all read it). The records live in the record store as JSON already, so the page is a
 * RecordsPage: the build streams the stored bytes to the file with each record's patch (id, slug,
 * path, sameAs) spliced in.
 */
import * as z from 'zod';
import { createHash } from 'node:crypto';
import type { RecordReader } from '../../cache/store.ts';
import { patchOf } from '../../index/digest.ts';
import type { SiteModel } from '../../index/index.ts';
import { EnrichedArticleSchema } from '../../model/enriched.ts';
import type { ArticleSource, Page, RecordsPage } from '../../model/page.ts';
import { decodeSegments, recordJsonPieces } from '../../model/record-json.ts';
import { recordJsonOf, recordKey } from '../lazy.ts';

export const API_ARTICLES = 'api/articles.json';

export function* apiPages(site: SiteModel): Generator<Page | RecordsPage> {
  // The file is a function of the records alone, so their fingerprints in order are its key.
  const key = createHash('sha1');
  const records: ArticleSource[] = [];
  for (const a of site.articles) {
    const loc = site.build.locs?.get(a.id);
    if (!loc) continue;
    key.update(recordKey(site, a)).update('\0');
    records.push({ loc, patch: patchOf(a) });
  }
  yield { kind: 'records', path: API_ARTICLES, key: key.digest('base64url'), records };
  const schema = z.toJSONSchema(EnrichedArticleSchema, { io: 'output', target: 'draft-2020-12' });
  yield { path: 'api/article.schema.json', content: JSON.stringify({ title: 'presseschau article', ...schema }, null, 2) + '\n' };
}

/** One slice of the array: its records as JSON, one per line, without the separators around it. */
export function recordsJson(sources: readonly ArticleSource[], records: RecordReader): string {
  return sources.map((s) => recordJsonOf(records, s)).join(',\n');
}

/**
 * The whole file as byte pieces, in order: `[`, each record's stored JSON with its patch spliced
 * in (model/record-json.ts: no record is parsed or serialised again), `]`.
 */
export function* recordsPagePieces(page: RecordsPage, records: RecordReader): Generator<Uint8Array | string> {
  if (page.records.length === 0) {
    yield '[]\n';
    return;
  }
  yield '[\n';
  for (let i = 0; i < page.records.length; i++) {
    const source = page.records[i] as ArticleSource; // i < length
    if (i > 0) yield ',\n';
    yield* recordJsonPieces(decodeSegments(records.body(source.loc)), source.patch);
  }
  yield '\n]\n';
}
