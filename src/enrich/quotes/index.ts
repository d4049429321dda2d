/** Direct quotations and their speakers. PLACEHOLDER. */
import type { Article } from '../../model/article.ts';
import type { Diagnostic } from '../../model/diagnostic.ts';
import type { EntityRef, Quote } from '../../model/enriched.ts';
import type { CompiledKnowledge } from '../knowledge.ts';

export function extractQuotes(_article: Article, _entities: EntityRef[], _ck: CompiledKnowledge, _diagnostics: Diagnostic[]): Quote[] {
  return [];
}
