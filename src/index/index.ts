/**
 * index: the corpus-level stage. Cross-references that need every article at once.
 * PLACEHOLDER model until the site lands; `SiteModel` is what render/ consumes.
 */
import type { Diagnostic } from '../model/diagnostic.ts';
import type { EnrichedArticle } from '../model/enriched.ts';
import type { Knowledge } from '../model/knowledge.ts';

export interface SiteModel {
  knowledge: Knowledge;
  /** Sorted by id. */
  articles: EnrichedArticle[];
  /** What the build saw: every input file and every diagnostic (for the build report). */
  build: BuildInfo;
}

export interface BuildInfo {
  /** Every input file discovered, relative to the seeds folder, sorted. */
  files: string[];
  diagnostics: Diagnostic[];
}

export function buildSiteModel(records: EnrichedArticle[], knowledge: Knowledge, build: BuildInfo): SiteModel {
  const articles = [...records].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { knowledge, articles, build };
}
