/** Editor overrides from corpus.yml (publisher, title; the date is read by dates/). PLACEHOLDER. */
import type { Article } from '../../model/article.ts';
import type { Diagnostic } from '../../model/diagnostic.ts';
import type { CompiledKnowledge } from '../knowledge.ts';

export function applyOverrides(article: Article, _ck: CompiledKnowledge, _diagnostics: Diagnostic[]): Article {
  return article;
}
