/**
 * Dates named in a text unit, found once per article and shared by the role resolver (entities)
 * and the event scorer (events): findDates is the costliest call per block, so it runs at most
 * once per text, and only on texts that can hold a year or a month at all (a digit or a month
 * name from the dates vocabulary) — the only kinds these two stages read.
 */
import type { Article } from '../../model/article.ts';
import { findDates, type DateMention } from '../dates/index.ts';
import { vocab } from '../dates/vocab.ts';

const MAY_HOLD_DATE = new RegExp(
  `\\d|${vocab.months.flatMap((m) => m.names).map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')}`,
  'iu',
);

const cache = new WeakMap<Article, Map<string, DateMention[]>>();

export function datesIn(article: Article, text: string): DateMention[] {
  let perArticle = cache.get(article);
  if (!perArticle) {
    perArticle = new Map();
    cache.set(article, perArticle);
  }
  let found = perArticle.get(text);
  if (!found) {
    found = MAY_HOLD_DATE.test(text) ? findDates(text) : [];
    perArticle.set(text, found);
  }
  return found;
}
