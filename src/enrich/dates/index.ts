/** German date mentions and the publication-date resolver. PLACEHOLDER. */
import type { Article } from '../../model/article.ts';
import type { Diagnostic } from '../../model/diagnostic.ts';
import type { Published } from '../../model/enriched.ts';
import type { CompiledKnowledge } from '../knowledge.ts';

/** A date named in a text. `date` is set when day, month and year are all known. */
export interface DateMention {
  start: number;
  end: number;
  text: string;
  kind: 'full' | 'month' | 'year' | 'weekday' | 'relative' | 'time';
  year?: number;
  month?: number;
  day?: number;
  /** YYYY-MM-DD when fully determined. */
  date?: string;
}

export function findDates(_text: string): DateMention[] {
  return [];
}

export function resolvePublished(_article: Article, _event: string | null, _ck: CompiledKnowledge, _diagnostics: Diagnostic[]): Published | null {
  return null;
}
