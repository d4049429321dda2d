/**
 * One input file through the per-document stages: decode (ingest) → normalise → enrich → digest and
 * per-article index features — or, when the record cache holds the file's key, the stored result.
 * The unit the worker threads run (and the main thread, for small corpora); the bytes were read
 * by the main thread (ingest readInputSync). Pure but for appending to the record store.
 */
import { createHash } from 'node:crypto';
import { enrich, type CompiledKnowledge } from '../enrich/index.ts';
import { bytesSha256, documentFromBytes } from '../ingest/index.ts';
import { digestOf, leanDigest } from '../index/digest.ts';
import { decodeNamedFeatures, documentFeaturesNamed, encodeNamedFeatures, shipNamedFeatures, type DocumentFeatures, type NamedFeatures, type Shippers } from '../index/features.ts';
import { diag, type Diagnostic } from '../model/diagnostic.ts';
import type { ArticleDigest, RecordLoc } from '../model/digest.ts';
import { EnrichedArticleSchema } from '../model/enriched.ts';
import { encodeSegments, jsonOfBytes, recordSegments } from '../model/record-json.ts';
import { normalise } from '../normalise/index.ts';
import type { RecordReader, RecordWriter, StoredHead } from '../cache/store.ts';

export interface DocumentInput {
  file: string;
  id: string;
  /** The file's bytes; absent when reading refused the file (then `refused` says why). */
  bytes?: Uint8Array;
  refused?: Diagnostic[];
}

export interface DocumentOutcome {
  file: string;
  ingestDiagnostics: Diagnostic[];
  normaliseDiagnostics: Diagnostic[];
  enrichDiagnostics: Diagnostic[];
  /** Absent when the file was refused; the reason is in the diagnostics. */
  article?: {
    digest: ArticleDigest;
    features: DocumentFeatures;
    loc: RecordLoc;
    /** Record cache key (also when no cache is kept: it names the input). */
    key: string;
    /** Source file + sha256 of its bytes. */
    input: string;
    /** Taken from the record cache. */
    cached: boolean;
  };
}

export interface DocumentContext {
  ck: CompiledKnowledge;
  /** Salts the cache key: code version, corpus.yml, store format. */
  salt: string;
  writer: RecordWriter;
  /** The previous build's entries by key, readable through `reader`. */
  cached?: ReadonlyMap<string, RecordLoc>;
  reader?: RecordReader;
  /** topicNeedles of corpus.yml (index/digest.ts). */
  topics: readonly string[];
  /** Check every new record against the public schema (default true). */
  validate?: boolean;
  /** This thread's shippers of index terms (index/vocabulary.ts). */
  ship: Shippers;
}

export function cacheKey(salt: string, sourceFile: string, id: string, sha256: string): string {
  return createHash('sha256').update(salt).update(`\0${sourceFile}\0${id}\0${sha256}`).digest('hex');
}

export function processFile(input: DocumentInput, ctx: DocumentContext): DocumentOutcome {
  if (!input.bytes) return { file: input.file, ingestDiagnostics: input.refused ?? [], normaliseDiagnostics: [], enrichDiagnostics: [] };
  // The cache key and the input's name need only the bytes (document.sha256 is theirs): a hit is not decoded again.
  const sha256 = bytesSha256(input.bytes);
  const key = cacheKey(ctx.salt, input.file, input.id, sha256);
  const input_ = `${input.file}\0${sha256}`;
  const hit = ctx.cached?.get(key);
  const stored = hit && ctx.reader ? fromCache(ctx.reader, hit, key) : undefined;
  if (hit && stored) {
    const features = shipNamedFeatures(stored.features, ctx.ship);
    const { ingestDiagnostics, normaliseDiagnostics, enrichDiagnostics } = stored.head;
    const article = { digest: stored.digest, features, loc: hit, key, input: input_, cached: true };
    return { file: input.file, ingestDiagnostics, normaliseDiagnostics, enrichDiagnostics, article };
  }
  const read = documentFromBytes(input.file, input.id, input.bytes, sha256);
  const outcome: DocumentOutcome = { file: input.file, ingestDiagnostics: read.diagnostics, normaliseDiagnostics: [], enrichDiagnostics: [] };
  const doc = read.document;
  if (!doc) return outcome;
  const n = normalise(doc);
  const e = enrich(n.article, ctx.ck);
  outcome.normaliseDiagnostics = n.diagnostics;
  outcome.enrichDiagnostics = e.diagnostics;
  if (ctx.validate !== false) {
    const checked = EnrichedArticleSchema.safeParse(e.record);
    if (!checked.success) {
      const issue = checked.error.issues[0];
      outcome.enrichDiagnostics.push(diag(doc.sourceFile, 'error', 'enrich', 'invalid-record', `Datensatz verletzt das Schema (${issue ? `${issue.path.join('.')}: ${issue.message}` : 'unbekannt'}); Artikel übersprungen (interner Fehler)`, { hint: 'bitte als Fehler melden, mit dieser Datei' }));
      return outcome;
    }
  }
  const r = e.record;
  const full = digestOf(r, ctx.topics);
  const { features, named } = documentFeaturesNamed(full, ctx.ship);
  const json = JSON.stringify(leanDigest(full)); // in place: after the features, which read every block
  const head: StoredHead = {
    key,
    id: r.id,
    slug: r.slug,
    path: r.path,
    ingestDiagnostics: read.diagnostics,
    normaliseDiagnostics: n.diagnostics,
    enrichDiagnostics: e.diagnostics,
    features: encodeNamedFeatures(named),
    // before the main thread's corpus stages change it (ids, slugs, quotation links)
    digest: Buffer.from(json),
  };
  const loc = ctx.writer.append(head, encodeSegments(recordSegments(r)));
  // The digest as a cache hit has it, parsed from its JSON: the main thread holds it for the whole
  // build, and its strings are slices of the decoded file, two bytes per character in V8 if the file
  // had one character beyond Latin-1 anywhere; JSON.parse makes one-byte strings wherever they fit
  // (with the packed block texts nearly all of them: at 10 000 articles ~80 000 two-byte strings fewer).
  const digest = JSON.parse(json) as ArticleDigest;
  outcome.article = { digest, features, loc, key, input: input_, cached: false };
  return outcome;
}

/**
 * A cache entry, or undefined when it cannot be read or belongs to another key (then the file is
 * made afresh): its head, with the digest and index features the document stages made, as JSON
 * (the record itself is not read).
 */
function fromCache(reader: RecordReader, loc: RecordLoc, key: string): { head: StoredHead; digest: ArticleDigest; features: NamedFeatures } | undefined {
  try {
    const head = reader.head(loc);
    if (head?.key !== key || !head.features || !head.digest) return undefined;
    // written by processFile from a checked record (a cache entry whose key matched)
    return { head, digest: jsonOfBytes(head.digest) as ArticleDigest, features: decodeNamedFeatures(head.features) };
  } catch {
    return undefined;
  }
}
