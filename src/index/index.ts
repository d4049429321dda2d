/**
 * index: the corpus-level stage. Cross-references that need every article at once.
 * PLACEHOLDER model until the site lands; `SiteModel` is what render/ consumes.
 */
import type { EnrichedArticle } from '../model/enriched.ts';
import type { Knowledge } from '../model/knowledge.ts';

export interface SiteModel {
  knowledge: Knowledge;
  /** Sorted by id. */
  articles: EnrichedArticle[];
}

export function buildSiteModel(records: EnrichedArticle[], knowledge: Knowledge): SiteModel {
  const articles = [...records].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { knowledge, articles };
}
