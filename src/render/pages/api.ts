/**
 * The public JSON contract: dist/api/articles.json and its JSON Schema.
 *
 * articles.json is a JSON array of the full records, sorted by id, one record per line (compact:
 * at 10 000 articles the indented form was 226 MB, this ~150 MB; `jq`, `JSON.parse` and line
 * tools all read it). The records live in the record store, so the page is a RecordsPage: the
 * build renders it slice by slice where the records are read (a worker thread for big corpora)
 * and streams the slices to the file in order.
 */
import { z } from 'zod';
import { createHash } from 'node:crypto';
import type { RecordReader } from '../../cache/store.ts';
import { patchOf } from '../../index/digest.ts';
import type { SiteModel } from '../../index/index.ts';
import { EnrichedArticleSchema } from '../../model/enriched.ts';
import type { ArticleSource, Page, RecordsPage } from '../../model/page.ts';
import { loadRecord, recordKey } from '../lazy.ts';

export const API_ARTICLES = 'api/articles.json';

/** Records per slice: big enough that a slice is worth a trip to a worker, small enough to keep few in memory. */
export const RECORDS_SLICE = 250;

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
  return sources.map((s) => JSON.stringify(loadRecord(records, s))).join(',\n');
}

/**
 * The whole file as pieces, in order: `[`, the slices (rendered by `slice`, up to `ahead` at a
 * time so the threads that render them stay busy), `]`.
 */
export async function* recordsPageContent(page: RecordsPage, slice: (sources: ArticleSource[]) => Promise<string>, ahead = 4): AsyncGenerator<string> {
  if (page.records.length === 0) {
    yield '[]\n';
    return;
  }
  const starts: number[] = [];
  for (let i = 0; i < page.records.length; i += RECORDS_SLICE) starts.push(i);
  const inFlight: Promise<string>[] = [];
  let next = 0;
  const fill = () => {
    while (inFlight.length < ahead && next < starts.length) {
      const from = starts[next++] as number; // next < length
      const p = slice(page.records.slice(from, from + RECORDS_SLICE));
      // Awaited in order below; if an earlier slice fails, the later ones must not crash the process unhandled.
      p.catch(() => {});
      inFlight.push(p);
    }
  };
  yield '[\n';
  for (let i = 0; i < starts.length; i++) {
    fill();
    const text = await (inFlight.shift() as Promise<string>); // filled above: at least one in flight
    yield i === 0 ? text : `,\n${text}`;
  }
  yield '\n]\n';
}
