/**
 * enrich: Article → EnrichedArticle. PLACEHOLDER until the extractors land; the signatures
 * are the contract: compileKnowledge once per build, enrich once per article (pure).
 */
import type { Article } from '../model/article.ts';
import type { Diagnostic } from '../model/diagnostic.ts';
import type { EnrichedArticle } from '../model/enriched.ts';
import type { Knowledge } from '../model/knowledge.ts';

export interface CompiledKnowledge {
  knowledge: Knowledge;
}

export function compileKnowledge(knowledge: Knowledge): CompiledKnowledge {
  return { knowledge };
}

export interface EnrichResult {
  record: EnrichedArticle;
  diagnostics: Diagnostic[];
}

export function enrich(article: Article, _ck: CompiledKnowledge): EnrichResult {
  return {
    record: { ...article, published: null, event: null, mentionedEvents: [], entities: [], quotes: [], candidates: [] },
    diagnostics: [],
  };
}
