/**
 * The document stages as the build composes them: cache lookup → normalise + enrich for the
 * misses (on worker threads when it pays) → corpus-wide slugs. Records come back in input order
 * with diagnostics grouped as the serial pipeline reports them (all normalise, then all enrich).
 */
import type { Diagnostic } from '../model/diagnostic.ts';
import type { EnrichedArticle } from '../model/enriched.ts';
import type { Knowledge } from '../model/knowledge.ts';
import type { RawDocument } from '../model/raw.ts';
import { assignSlugs } from '../normalise/slug.ts';
import { openRecordCache, type RecordCache, type RecordCacheStats } from '../cache/records.ts';
import { loadSlugs, saveSlugs } from '../cache/slugs.ts';
import { pipelineVersion } from '../cache/version.ts';
import { processDocuments, type ProcessedDocument } from './index.ts';

export interface DocumentStageOptions {
  /** Folder for the record cache; omitted = no cache. */
  cacheDir?: string;
  workers?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface DocumentStageResult {
  records: EnrichedArticle[];
  normaliseDiagnostics: Diagnostic[];
  enrichDiagnostics: Diagnostic[];
  cache?: RecordCacheStats;
  /**
   * What each record was made from, by article id: source file + sha256 of its bytes. With the
   * pipeline version and corpus.yml (which salt every page key) it determines the record before the
   * corpus-level stages, so page builders can key lazy pages without hashing whole records.
   */
  inputs: Map<string, string>;
}

export async function runDocumentStages(docs: readonly RawDocument[], knowledge: Knowledge, options: DocumentStageOptions = {}): Promise<DocumentStageResult> {
  let cache: RecordCache | undefined;
  if (options.cacheDir !== undefined) cache = await openRecordCache(options.cacheDir, await pipelineVersion(), knowledge);
  const keys = cache ? docs.map((d) => cache.key(d)) : [];
  const done: (ProcessedDocument | undefined)[] = docs.map((_, i) => (cache ? cache.get(keys[i] as string) : undefined));
  const missing = docs.filter((_, i) => done[i] === undefined);
  const hits = docs.length - missing.length;
  const fresh = await processDocuments(missing, knowledge, {
    ...(options.workers !== undefined ? { workers: options.workers } : {}),
    onProgress: (n) => options.onProgress?.(hits + n, docs.length),
  });
  let f = 0;
  for (let i = 0; i < docs.length; i++) {
    if (done[i] !== undefined) continue;
    const r = fresh[f++] as ProcessedDocument; // fresh has exactly one result per missing document, in order
    done[i] = r;
    cache?.set(keys[i] as string, r);
  }
  if (cache) await cache.save();
  const all = done as ProcessedDocument[]; // every slot filled by the loop above
  // With the cache, the previous build's slugs keep URLs stable when a newcomer sorts first.
  const previousSlugs = options.cacheDir !== undefined ? await loadSlugs(options.cacheDir) : undefined;
  const records = assignSlugs(all.map((d) => d.record), 'artikel', previousSlugs);
  if (options.cacheDir !== undefined) await saveSlugs(options.cacheDir, records);
  const result: DocumentStageResult = {
    records,
    normaliseDiagnostics: all.flatMap((d) => d.normaliseDiagnostics),
    enrichDiagnostics: all.flatMap((d) => d.enrichDiagnostics),
    inputs: new Map(docs.map((d) => [d.id, `${d.sourceFile}\0${d.sha256}`])),
  };
  if (cache) result.cache = cache.stats;
  return result;
}
