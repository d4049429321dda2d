/**
 * The article's main event and the events it mentions. Each text unit (title, blocks — identical
 * blocks once) is split into sentences; each sentence scores every corpus event from
 *   - the event's place and participants among the article's entity mentions,
 *   - the event's keywords (word prefixes: "Partnerschaftsvertrag" also finds "…vertrags"),
 *   - dates named in the sentence (findDates) that fall on, in the month of, or in the year of it,
 * each hit weighted by its specificity (1 / events sharing it) and by where it stands (title
 * counts more, captions less — photos are often archive pictures). Sentences that look back
 * ("im vergangenen September", "damals") count fully as a mention but little for the main event.
 * Main event: the best score if it is high enough and clearly ahead of the runner-up; otherwise
 * null (a chronicle or overview). Weights: weights.json.
 */
import type { Article } from '../../model/article.ts';
import type { Diagnostic } from '../../model/diagnostic.ts';
import type { EntityRef } from '../../model/enriched.ts';
import { datesIn } from '../entities/dates.ts';
import type { CompiledKnowledge } from '../knowledge.ts';
import { compileEventIndex, type EventIndex, type Feature } from './features.ts';
import { weights } from './weights.ts';

export interface EventScore {
  id: string;
  /** Weighted score for "this article is about the event". */
  main: number;
  /** Undamped evidence that the event is referred to at all. */
  mention: number;
  /** The phrases that scored, for the build report and tests. */
  evidence: string[];
  /** Distinct features only this event has (a unique participant, its own keywords, its date). */
  specific: Set<string>;
  /** A month or day named in the text falls on the event. */
  dated: boolean;
  /** Number of hits so far, capped or not. */
  hits: number;
}

const indexCache = new WeakMap<CompiledKnowledge, EventIndex>();

/** Feature names recur in every article: build each string once (per kind, by id). */
const namesOf = (prefix: string) => {
  const names = new Map<string, string>();
  return (id: string): string => {
    let name = names.get(id);
    if (name === undefined) {
      if (names.size > 10_000) names.clear();
      names.set(id, (name = `${prefix}${id}`));
    }
    return name;
  };
};
const entityFeature = namesOf('entity:');
const keywordFeature = namesOf('kw:');

export function detectEvents(article: Article, entities: EntityRef[], ck: CompiledKnowledge, _diagnostics: Diagnostic[]): { event: string | null; mentionedEvents: string[] } {
  const scores = scoreEvents(article, entities, ck);
  const ranked = [...scores].sort((a, b) => b.main - a.main || (a.id < b.id ? -1 : 1));
  const [top, second] = ranked;
  const event = top && top.main >= weights.mainMin && (!second || top.main >= weights.mainRatio * second.main) ? top.id : null;
  const mentionedEvents = scores.filter((s) => s.id !== event && (s.dated || (s.specific.size >= 2 && s.mention >= weights.mentionMin))).map((s) => s.id).sort();
  return { event, mentionedEvents };
}

export function scoreEvents(article: Article, entities: EntityRef[], ck: CompiledKnowledge): EventScore[] {
  let index = indexCache.get(ck);
  if (!index) {
    index = compileEventIndex(ck);
    indexCache.set(ck, index);
  }
  const idx = index;
  const scores = new Map<string, EventScore>(ck.knowledge.events.map((e) => [e.id, { id: e.id, main: 0, mention: 0, evidence: [], specific: new Set<string>(), dated: false, hits: 0 }]));
  // How often each feature has scored per event: repetition adds little after the cap.
  const seen = new Map<string, Map<string, number>>();
  const hit = (f: Feature, feature: string, factor: number, retro: boolean, phrase: string) => {
    const s = scores.get(f.eventId);
    if (!s) return;
    if (f.unique) s.specific.add(feature);
    s.hits += 1;
    const eventId = f.eventId;
    const weight = f.weight;
    let perEvent = seen.get(eventId);
    if (!perEvent) seen.set(eventId, (perEvent = new Map()));
    const n = (perEvent.get(feature) ?? 0) + 1;
    perEvent.set(feature, n);
    if (n > weights.perFeatureCap) return;
    const w = weight * factor;
    s.mention += w;
    s.main += retro ? w * weights.retrospective : w;
    if (s.evidence.length < 12) s.evidence.push(phrase);
  };

  // Entity occurrences by text unit, so each sentence sees the places and people it names.
  const occ = new Map<number | 'title', { id: string; start: number; text: string }[]>();
  for (const e of entities) {
    for (const o of e.occurrences) {
      const key = o.block;
      const list = occ.get(key) ?? [];
      list.push({ id: e.id, start: o.start, text: o.text });
      occ.set(key, list);
    }
  }

  const eventScores = [...scores.values()];
  let eventIndex: Map<string, number> | undefined; // only a bare year or month reads it
  const units = [{ block: 'title' as const, text: article.title, type: 'title' }, ...article.blocks.map((b, i) => ({ block: i, text: b.text, type: b.type as string }))];
  const done = new Set<string>();
  for (const u of units) {
    if (done.has(u.text)) continue; // repeated captions and title lines count once
    done.add(u.text);
    const factor = u.type === 'title' ? weights.title : u.type === 'caption' ? weights.caption : 1;
    const names = occ.get(u.block) ?? [];
    const dates = idx.mayDate(u.text) ? datesIn(article, u.text) : [];
    const tokens = ck.matcher.tokens(u.text);
    let t0 = 0;
    const markers = idx.retrospectiveAt(u.text);
    for (const [from, to] of sentences(u.text)) {
      let t1 = t0;
      while (t1 < tokens.length && (tokens[t1]?.start ?? Infinity) < to) t1++;
      const tokenFrom = t0;
      t0 = t1;
      const retro = markers.some((at) => at >= from && at < to);
      const datesHere = dates.some((d) => d.start >= from && d.start < to);
      // Hits per event before this sentence: only a bare year or month reads them (below).
      const before = datesHere ? eventScores.map((s) => s.hits) : undefined;
      for (const n of names) {
        if (n.start < from || n.start >= to) continue;
        const fs = idx.byEntity.get(n.id);
        if (fs === undefined) continue;
        const feature = entityFeature(n.id);
        for (const f of fs) hit(f, feature, factor, retro, n.text);
      }
      for (const k of idx.keywords(tokens, tokenFrom, t1)) {
        const feature = keywordFeature(k.keyword);
        for (const f of k.features) hit(f, feature, factor, retro, k.text);
      }
      if (!datesHere) continue;
      const yearOnly: Feature[] = [];
      for (const d of dates) {
        if (d.start < from || d.start >= to) continue;
        for (const f of idx.byDate(d)) {
          if (d.month === undefined || d.year === undefined) {
            yearOnly.push(f);
            continue;
          }
          hit(f, `date:${d.text}`, factor, retro, d.text);
          const s = scores.get(f.eventId);
          if (s && f.unique) s.dated = true;
        }
      }
      // A bare year ("seit 2019") or month ("im Juni") refers to an event only together with another of its features in the sentence.
      for (const f of yearOnly) {
        const s = scores.get(f.eventId);
        eventIndex ??= new Map(eventScores.map((e, i) => [e.id, i] as const));
        const other = s !== undefined && s.hits > (before?.[eventIndex.get(f.eventId) ?? -1] ?? 0);
        hit(f, `year:${f.eventId}`, factor, retro, 'Jahr');
        if (s && f.unique && other) s.dated = true;
      }
    }
  }
  return [...scores.values()];
}

/** Sentence spans: a full stop, ! or ? followed by space and a capital letter or an opening quote. */
export function sentences(text: string): [number, number][] {
  const out: [number, number][] = [];
  let start = 0;
  for (const m of text.matchAll(/[.!?…]["“”»«]?\s+(?=[\p{Lu}„"“»«‚])/gu)) {
    const end = m.index + m[0].length;
    out.push([start, end]);
    start = end;
  }
  if (start < text.length) out.push([start, text.length]);
  return out;
}
