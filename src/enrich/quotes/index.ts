/**
 * Direct quotations and their speakers. Per block: scan the quote spans (scan.ts), drop scare
 * quotes, fragments and quote-shaped headings, find the attribution (speaker.ts) and resolve the
 * speaker phrase — a name, a role ("der Kremlchef"), or a pronoun resolved to the last person named
 * before it. Speakers not in corpus.yml keep their name with `speakerId: null`.
 */
import type { Article } from '../../model/article.ts';
import type { Diagnostic } from '../../model/diagnostic.ts';
import type { EntityRef, Quote } from '../../model/enriched.ts';
import type { CompiledKnowledge } from '../knowledge.ts';
import { chooseEntity, mentionCounts, peopleByBlock, type Person } from './people.ts';
import { scanQuotes, wordCount, type QuoteSpan } from './scan.ts';
import { attributionAfter, attributionBefore, attributionInSentence, type Attribution } from './speaker.ts';
import { CONTINUATION, PRONOUNS, SKIP, vocab } from './vocab.ts';

/** How far back a pronoun or a continued quote may look for its person. */
const LOOKBACK_BLOCKS = 2;

interface Ctx {
  article: Article;
  ck: CompiledKnowledge;
  people: Person[][];
  counts: Map<string, number>;
  /** Speakers of the quotes found so far, at the position of their attribution. */
  speakers: Person[];
}

type Speaker = { id: string | null; name: string; type: Person['type'] };

const before = (a: { block: number; start: number }, b: { block: number; start: number }) => a.block < b.block || (a.block === b.block && a.start < b.start);

function latest(list: Person[], at: { block: number; start: number }): Person | undefined {
  let best: Person | undefined;
  for (const p of list) {
    if (p.block < at.block - LOOKBACK_BLOCKS || !before(p, at)) continue;
    if (!best || before(best, p)) best = p;
  }
  return best;
}

function isHeading(text: string, span: QuoteSpan, type: string): boolean {
  if (type === 'heading') return true;
  // Only punctuation may lie outside the quote; checked on the two ends, not by copying the block.
  const PUNCT = /^[\s.,:;!?–-]*$/;
  if (span.open > 8 || text.length - span.close > 9) return false;
  const outside = PUNCT.test(text.slice(0, span.open)) && PUNCT.test(text.slice(span.close + 1));
  return outside && wordCount(span.text, vocab.headingMaxWords + 1) <= vocab.headingMaxWords && !/[.!?]$/.test(span.text);
}

/** The speaker of the latest quote before `at` (speakers are kept in text order: scan from the end). */
function lastSpeaker(ctx: Ctx, at: { block: number; start: number }): Person | undefined {
  for (let i = ctx.speakers.length - 1; i >= 0; i--) {
    const p = ctx.speakers[i];
    if (!p || p.block < at.block - LOOKBACK_BLOCKS) return undefined;
    if (p.type !== 'organisation' && before(p, at)) return p;
  }
  return undefined;
}

/** The last person named before `at` (same block or up to two before), outside quotation marks. */
function lastNamed(ctx: Ctx, at: { block: number; start: number }, spans: QuoteSpan[]): Person | undefined {
  for (let b = at.block; b >= Math.max(0, at.block - LOOKBACK_BLOCKS); b--) {
    const list = ctx.people[b] ?? [];
    // Lists are sorted by offset: binary-search the first name at or after `at`, then walk back.
    let hi = list.length;
    if (b === at.block) {
      let lo = 0;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if ((list[mid]?.start ?? 0) < at.start) lo = mid + 1;
        else hi = mid;
      }
    }
    for (let i = hi - 1; i >= 0; i--) {
      const p = list[i];
      if (!p || p.type !== 'person') continue;
      if (b === at.block && spans.some((s) => p.start > s.open && p.end <= s.close)) continue;
      return p;
    }
  }
  return undefined;
}

function resolvePhrase(attr: Attribution, block: number, spans: QuoteSpan[], ctx: Ctx): Speaker | undefined {
  const first = attr.phrase.match(/^\p{L}+/u)?.[0] ?? '';
  const at = { block, start: attr.phraseStart };
  if (PRONOUNS.has(first)) {
    // "er"/"sie" stand for a person, never for the agency named last ("…, sagte AFP").
    const said = lastSpeaker(ctx, at);
    const prior = CONTINUATION.has(attr.verb) ? said : undefined;
    const named = lastNamed(ctx, at, spans);
    const p = prior ?? latest([named, said].filter((x): x is Person => x !== undefined), at);
    return p ? { id: p.id, name: p.name, type: p.type } : undefined;
  }
  // A person named in the phrase or its apposition ("der Sprecher des Sicherheitsrates, John Kirby")
  // beats an organisation named in it; an organisation counts only inside the phrase itself.
  const text = ctx.article.blocks[block]?.text ?? '';
  const stop = text.slice(attr.phraseStart).search(/[.!?]\s|[„“”"»«]/);
  const sentenceEnd = stop < 0 ? text.length : attr.phraseStart + stop;
  const end = attr.phraseStart + attr.phrase.length;
  const inWindow = (ctx.people[block] ?? []).filter((p) => p.start >= attr.phraseStart && p.start < sentenceEnd);
  const named = inWindow.find((p) => p.type === 'person') ?? inWindow.find((p) => p.start < end);
  if (named) return { id: named.id, name: named.name, type: named.type };
  for (const m of ctx.ck.matcher.match(attr.phrase)) {
    const ent = chooseEntity(m.entries, ctx.ck, ctx.counts);
    if (ent && ent.type !== 'place') return { id: ent.id, name: ent.name, type: ent.type === 'person' ? 'person' : 'organisation' };
  }
  // Not in corpus.yml: keep a name of two or more capitalised words ("Koh Yu-hwan").
  const tokens = attr.phrase.split(/\s+/).filter((t) => !SKIP.has(t));
  const name: string[] = [];
  for (const t of tokens) {
    if (!/^\p{Lu}[\p{L}'’-]+$/u.test(t)) break;
    name.push(t);
  }
  return name.length >= 2 ? { id: null, name: name.join(' '), type: null } : undefined;
}

export function extractQuotes(article: Article, entities: EntityRef[], ck: CompiledKnowledge, _diagnostics: Diagnostic[]): Quote[] {
  const ctx: Ctx = { article, ck, people: peopleByBlock(article, entities, ck), counts: mentionCounts(entities), speakers: [] };
  const quotes: Quote[] = [];
  article.blocks.forEach((block, b) => {
    const spans = scanQuotes(block.text);
    const kept = spans.filter((s) => wordCount(s.text, vocab.minWords) >= vocab.minWords && !isHeading(block.text, s, block.type) && (s.closed || s.open === 0 || /:\s*$/.test(block.text.slice(0, s.open))));
    const found = kept.map((s) => ({ span: s, attr: (s.closed ? attributionAfter(block.text, s.close) : undefined) ?? attributionBefore(block.text, s.open) }));
    // Two quotes in one sentence share the attribution that follows the last one.
    for (let i = found.length - 2; i >= 0; i--) {
      const cur = found[i];
      const next = found[i + 1];
      if (cur && next && !cur.attr && next.attr && !/[.!?]\s/.test(block.text.slice(cur.span.close + 1, next.span.open))) cur.attr = next.attr;
    }
    for (const f of found) f.attr ??= attributionInSentence(block.text, f.span.open, spans);
    for (const { span, attr } of found) {
      let speaker = attr ? resolvePhrase(attr, b, spans, ctx) : undefined;
      let evidence = attr?.evidence ?? '';
      if (attr && speaker && PRONOUNS.has(attr.phrase.match(/^\p{L}+/u)?.[0] ?? '')) evidence = `${attr.evidence} → ${speaker.name}`;
      if (!attr && span.open === 0) {
        // A paragraph that opens with an unattributed quote continues the previous speaker.
        const prev = lastSpeaker(ctx, { block: b, start: 0 });
        if (prev) {
          speaker = { id: prev.id, name: prev.name, type: prev.type };
          evidence = `Fortsetzung des Zitats von ${prev.name} (Absatz ${prev.block + 1})`;
        }
      }
      // Fields spelled out: an object spread here takes V8's slow path (speakers come in several shapes).
      if (speaker && attr) ctx.speakers.push({ id: speaker.id, name: speaker.name, type: speaker.type, block: b, start: attr.phraseStart, end: attr.phraseStart + attr.phrase.length });
      quotes.push({ text: span.text, speakerId: speaker?.id ?? null, speakerName: speaker?.name ?? null, paragraph: b, evidence, sameAs: [] });
    }
  });
  return quotes;
}
