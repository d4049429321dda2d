/**
 * The public JSON contract: dist/api/articles.json and its JSON Schema.
 *
 * articles.json is a JSON array of the full records, sorted by id, one record per line (compact:
 * at 10 000 articles the indented form was 226 MB, this ~150 MB; `jq`, `JSON.parse` and line
 * tools all read it). The records live in the record store as JSON already, so the page is a
 * RecordsPage: the build streams the stored bytes to the file with each record's patch (id, slug,
 * path, sameAs) spliced in, and a rebuild copies the unchanged records from the previous file.
 */
import * as z from 'zod';
import { createHash } from 'node:crypto';
import type { RecordReader } from '../../cache/store.ts';
import { patchOf } from '../../index/digest.ts';
import type { SiteModel } from '../../index/index.ts';
import { EnrichedArticleSchema } from '../../model/enriched.ts';
import { partedText, type ArticleSource, type KeyedPart, type Page, type PartedFile, type RecordsPage } from '../../model/page.ts';
import { decodeSegments, recordJsonPieces } from '../../model/record-json.ts';
import { recordKey } from '../lazy.ts';

export const API_ARTICLES = 'api/articles.json';

export function* apiPages(site: SiteModel): Generator<Page | RecordsPage> {
  // The file is a function of the records alone, so their fingerprints in order are its key.
  const key = createHash('sha1');
  const records: ArticleSource[] = [];
  const keys: string[] = [];
  for (const a of site.articles) {
    const loc = site.build.locs?.get(a.id);
    if (!loc) continue;
    const k = recordKey(site, a);
    key.update(k).update('\0');
    keys.push(k);
    records.push({ loc, patch: patchOf(a) });
  }
  yield { kind: 'records', path: API_ARTICLES, key: key.digest('base64url'), records, keys };
  const schema = z.toJSONSchema(EnrichedArticleSchema, { io: 'output', target: 'draft-2020-12' });
  yield { path: 'api/article.schema.json', content: JSON.stringify({ title: 'presseschau article', ...schema }, null, 2) + '\n' };
}

/**
 * The file as parts for the writer (write/ writeParts): `[`, then per record its stored JSON with
 * its patch spliced in (model/record-json.ts: no record is parsed or serialised again) and the
 * separator before it, then `]`. A part's key is the record's fingerprint and whether it comes
 * first (without separator), so equal keys mean equal bytes and a rebuild copies unchanged records.
 */
export function recordsFile(page: RecordsPage, records: RecordReader): PartedFile {
  const n = page.records.length;
  const parts: KeyedPart[] = page.records.map((source, i) => ({
    key: `${i === 0 ? 'first' : 'next'}:${page.keys[i] ?? ''}`,
    pieces: () => recordPieces(source, records, i > 0),
  }));
  return n === 0 ? { head: '[]\n', parts, tail: '' } : { head: '[\n', parts, tail: '\n]\n' };
}

function* recordPieces(source: ArticleSource, records: RecordReader, separator: boolean): Generator<Uint8Array | string> {
  if (separator) yield ',\n';
  yield* recordJsonPieces(decodeSegments(records.body(source.loc)), source.patch);
}

/** The whole file as text (in-memory builds, tests). */
export function recordsPageText(page: RecordsPage, records: RecordReader): string {
  return partedText(recordsFile(page, records));
}
