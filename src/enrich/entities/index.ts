/** Entity mentions and name candidates. PLACEHOLDER. */
import type { Article } from '../../model/article.ts';
import type { Diagnostic } from '../../model/diagnostic.ts';
import type { Candidate, EntityRef } from '../../model/enriched.ts';
import type { CompiledKnowledge } from '../knowledge.ts';

export function extractEntities(_article: Article, _ck: CompiledKnowledge, _diagnostics: Diagnostic[]): { entities: EntityRef[]; candidates: Candidate[] } {
  return { entities: [], candidates: [] };
}
