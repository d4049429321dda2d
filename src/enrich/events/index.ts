/** The article's main event and the events it mentions. PLACEHOLDER. */
import type { Article } from '../../model/article.ts';
import type { Diagnostic } from '../../model/diagnostic.ts';
import type { EntityRef } from '../../model/enriched.ts';
import type { CompiledKnowledge } from '../knowledge.ts';

export function detectEvents(_article: Article, _entities: EntityRef[], _ck: CompiledKnowledge, _diagnostics: Diagnostic[]): { event: string | null; mentionedEvents: string[] } {
  return { event: null, mentionedEvents: [] };
}
