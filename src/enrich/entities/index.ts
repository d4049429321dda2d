/**
 * Entity mentions and name candidates. One matcher pass per text (title, then blocks in order),
 * then three resolution steps, each reading the one before:
 *   1. names — unconditional aliases ("Putin", "Kim Jong-uns", "Pjöngjangs");
 *   2. short names shared by several entities ("Kim") — the nearest antecedent in the same
 *      paragraph, otherwise the most-mentioned holder in the article, otherwise nobody;
 *   3. role phrases ("Kremlchef", "der russische Präsident") — only for an entity the article also
 *      names, within its term of office when the paragraph dates itself.
 * A role directly next to a name ("Der russische Präsident Wladimir Putin") is part of that
 * mention, not a second one.
 */
import type { Article } from '../../model/article.ts';
import type { Diagnostic } from '../../model/diagnostic.ts';
import type { Candidate, EntityRef, Occurrence } from '../../model/enriched.ts';
import type { DateMention } from '../dates/index.ts';
import type { CompiledKnowledge } from '../knowledge.ts';
import { findCandidates } from './candidates.ts';
import { datesIn } from './dates.ts';
import type { Entry, RawMatch } from './matcher.ts';
import { vocab } from './vocab.ts';

export type BlockRef = Occurrence['block'];

interface Found {
  block: BlockRef;
  /** Reading order of the text (title = 0). */
  order: number;
  match: RawMatch;
  /** Resolved entity, once known. */
  entityId?: string;
  absorbed?: boolean;
  /** A shared short name that starts an unknown full name ("Kim Yong Hyun"): someone else. */
  stranger?: boolean;
}

const collator = new Intl.Collator('de');
const COMPOUND_HEADS = new Set(vocab.compoundHeads.map((w) => w.toLowerCase()));
/** Between a role and the name it introduces: space or comma (an apposition). */
const APPOSITION_GAP = /^[\s,]{0,3}$/u;
const APPOSITION_BEFORE = /^,\s*(?:der|die|des|dem|den)?\s*$/u;
/** A capitalised word right after a short name continues a name ("Kim Yong Hyun", "Kim Yong-hyun"). */
const NAME_GOES_ON = /^[ \t]+(\p{Lu}[\p{Ll}\p{M}]+)(?![\p{L}])/u;
const NOT_NAMES = new Set(vocab.notNames);

export interface TextUnit {
  block: BlockRef;
  text: string;
}

export function textsOf(article: Article): TextUnit[] {
  return [{ block: 'title', text: article.title }, ...article.blocks.map((b, i) => ({ block: i as BlockRef, text: b.text }))];
}

export function extractEntities(article: Article, ck: CompiledKnowledge, _diagnostics: Diagnostic[]): { entities: EntityRef[]; candidates: Candidate[] } {
  const texts = textsOf(article);
  const perText: Found[][] = texts.map((t, order) => ck.matcher.match(t.text).map((match) => ({ block: t.block, order, match })));
  // Concatenated by hand: Array#flat takes V8's slow generic path.
  const all: Found[] = [];
  for (const list of perText) for (const f of list) all.push(f);

  // 1. Unconditional names; person names that are the head of a compound ("Kim-Il-Sung-Stadion") are not the person.
  for (const [i, list] of perText.entries()) {
    const text = texts[i]?.text ?? '';
    for (const f of list) {
      const alias = singleAlias(f.match.entries);
      if (alias && !namesAThing(text, f.match, ck, alias)) f.entityId = alias;
    }
  }
  const counts = new Map<string, number>();
  const bump = () => {
    counts.clear();
    for (const f of all) if (f.entityId !== undefined) counts.set(f.entityId, (counts.get(f.entityId) ?? 0) + 1);
  };
  bump();

  // 2. Short names through their antecedent.
  const roleHolders = new Map<string, number>();
  for (const f of all) for (const e of f.match.entries) if (e.kind === 'role') roleHolders.set(e.entityId, (roleHolders.get(e.entityId) ?? 0) + 1);
  for (const [i, list] of perText.entries()) {
    const text = texts[i]?.text ?? '';
    list.forEach((f, k) => {
      if (f.entityId !== undefined || f.match.entries.some((e) => e.kind !== 'short')) return;
      const next = NAME_GOES_ON.exec(text.slice(f.match.end))?.[1];
      if (next !== undefined && !NOT_NAMES.has(next) && list[k + 1]?.match.start !== f.match.end + 1) {
        f.stranger = true;
        return;
      }
      const holders = new Set(f.match.entries.map((e) => e.entityId));
      // The nearest earlier same-paragraph name with this short name: a known holder, or a stranger.
      const local = list.slice(0, k).reverse().find((p) => (p.entityId !== undefined && holders.has(p.entityId)) || (p.stranger === true && p.match.entries[0]?.form === f.match.entries[0]?.form));
      if (local?.stranger) {
        f.stranger = true;
        return;
      }
      if (local?.entityId !== undefined) {
        f.entityId = local.entityId;
        return;
      }
      const ranked = [...holders].map((id) => ({ id, n: counts.get(id) ?? 0, r: roleHolders.get(id) ?? 0 })).sort((a, b) => b.n - a.n || b.r - a.r || collator.compare(a.id, b.id));
      const best = ranked[0];
      const second = ranked[1];
      if (best && (best.n > 0 || best.r > 0) && !(second && second.n === best.n && second.r === best.r)) f.entityId = best.id;
    });
  }
  bump();

  // 3. Role phrases.
  for (const [i, list] of perText.entries()) {
    const text = texts[i]?.text ?? '';
    let dates: DateMention[] | undefined;
    list.forEach((f, k) => {
      if (f.entityId !== undefined) return;
      const roles = f.match.entries.filter((e) => e.kind === 'role');
      if (roles.length === 0) return;
      const next = list[k + 1];
      const prev = list[k - 1];
      if ((next && APPOSITION_GAP.test(text.slice(f.match.end, next.match.start)) && next.entityId !== undefined) ||
          (prev && prev.entityId !== undefined && APPOSITION_BEFORE.test(text.slice(prev.match.end, f.match.start)))) {
        f.absorbed = true;
        return;
      }
      dates ??= datesIn(article, text);
      const year = [...dates].reverse().find((d) => d.end <= f.match.start && d.year !== undefined)?.year;
      const id = pickRole(roles.filter((e) => counts.has(e.entityId)), year);
      if (id !== undefined) f.entityId = id;
    });
  }

  const byId = new Map<string, Occurrence[]>();
  for (const f of all) {
    if (f.entityId === undefined) continue;
    const occ: Occurrence = { block: f.block, start: f.match.start, end: f.match.end, text: f.match.text };
    const list = byId.get(f.entityId);
    if (list) list.push(occ);
    else byId.set(f.entityId, [occ]);
  }
  const entities: EntityRef[] = [];
  for (const [id, occurrences] of byId) {
    const e = ck.entitiesById.get(id);
    if (!e) continue;
    entities.push({ id, name: e.name, type: e.type, mentions: occurrences.length, occurrences });
  }
  const rank = nameRanks(ck);
  entities.sort((a, b) => b.mentions - a.mentions || (rank.get(a.name) ?? 0) - (rank.get(b.name) ?? 0) || (a.id < b.id ? -1 : 1));
  const candidates = findCandidates(texts, perText.map((l) => l.filter((f) => !f.stranger).map((f) => f.match)), ck);
  return { entities, candidates };
}

const ranks = new WeakMap<CompiledKnowledge, Map<string, number>>();
/**
 * Every entity name's place in collator order (names the collator finds equal share a place), so
 * sorting mentions compares two numbers, not two strings through Intl, with the same order.
 */
export function nameRanks(ck: CompiledKnowledge): Map<string, number> {
  let rank = ranks.get(ck);
  if (!rank) {
    const names = [...new Set(ck.knowledge.entities.map((e) => e.name))].sort(collator.compare);
    rank = new Map();
    let r = 0;
    for (let i = 0; i < names.length; i++) {
      if (i > 0 && collator.compare(names[i - 1] as string, names[i] as string) !== 0) r++; // i - 1 and i are in range
      rank.set(names[i] as string, r);
    }
    ranks.set(ck, rank);
  }
  return rank;
}

/** The one entity all alias entries name (single() over the alias entries, without building lists). */
function singleAlias(entries: readonly Entry[]): string | undefined {
  let id: string | undefined;
  for (const e of entries) {
    if (e.kind !== 'alias') continue;
    if (id === undefined) id = e.entityId;
    else if (id !== e.entityId) return undefined;
  }
  return id;
}

function single(entries: Entry[]): string | undefined {
  const ids = new Set(entries.map((e) => e.entityId));
  return ids.size === 1 ? entries[0]?.entityId : undefined;
}

/** "Kim-Il-Sung-Stadion": a person's name joined by a hyphen to a naming head is a thing's name. */
function namesAThing(text: string, m: RawMatch, ck: CompiledKnowledge, id: string): boolean {
  if (ck.entitiesById.get(id)?.type !== 'person') return false;
  const c = text.charCodeAt(m.end);
  if (c !== 0x2d && c !== 0x2010 && c !== 0x2011) return false; // no hyphen right after the name
  const after = /^[-‐‑](\p{L}+)/u.exec(text.slice(m.end));
  return after?.[1] !== undefined && COMPOUND_HEADS.has(after[1].toLowerCase());
}

/**
 * Which holder a role phrase means. With a year named before it in the paragraph, the holder whose
 * term covers that year; without, the current holder (a term without end).
 */
function pickRole(entries: Entry[], year: number | undefined): string | undefined {
  let pool = entries;
  if (year !== undefined) {
    pool = entries.filter((e) => (e.from === undefined || Number(e.from.slice(0, 4)) <= year) && (e.to === undefined || Number(e.to.slice(0, 4)) >= year));
  } else {
    const current = entries.filter((e) => e.to === undefined);
    if (current.length > 0) pool = current;
  }
  return single(pool);
}
