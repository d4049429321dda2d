/**
 * The per-document part of the pipeline, normalise → enrich, as one pure function: the unit the
 * worker threads run and the record cache stores. Slugs are settled corpus-wide afterwards
 * (assignSlugs), so a record leaves here with the slug normalise proposed; enrich reads neither
 * slug nor path (test/parallel/determinism.test.ts holds both paths to the same output).
 */
import { enrich, type CompiledKnowledge } from '../enrich/index.ts';
import type { Diagnostic } from '../model/diagnostic.ts';
import type { EnrichedArticle } from '../model/enriched.ts';
import type { RawDocument } from '../model/raw.ts';
import { normalise } from '../normalise/index.ts';

export interface ProcessedDocument {
  record: EnrichedArticle;
  /** Kept apart so the build can report all normalise diagnostics before all enrich ones, as the serial pipeline does. */
  normaliseDiagnostics: Diagnostic[];
  enrichDiagnostics: Diagnostic[];
}

export function processDocument(doc: RawDocument, ck: CompiledKnowledge): ProcessedDocument {
  const n = normalise(doc);
  const e = enrich(n.article, ck);
  return { record: e.record, normaliseDiagnostics: n.diagnostics, enrichDiagnostics: e.diagnostics };
}
