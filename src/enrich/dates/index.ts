/**
 * German date mentions and the publication-date resolver. Sources in a fixed order, first hit wins:
 *   1. declared — corpus.yml `overrides[sourceFile].date` (the editor's correction), then front matter `date`
 *   2. extracted — an explicit publication line: removed date/byline lines and the head of the first blocks
 *   3. inferred — weekday words in the body anchored on the article's event (see infer.ts)
 * Otherwise null. See docs/dates-and-quotes.md.
 */
import type { Article } from '../../model/article.ts';
import { diag, type Diagnostic } from '../../model/diagnostic.ts';
import type { Published } from '../../model/enriched.ts';
import type { CorpusEvent } from '../../model/knowledge.ts';
import type { CompiledKnowledge } from '../knowledge.ts';
import { germanDate } from './calendar.ts';
import { readDateLine, type LineVerdict } from './dateline.ts';
import { inferFromEvent, type Anchor } from './infer.ts';

export { findDates, type DateMention, type FindDatesOptions } from './find.ts';

/** Only the first blocks can carry a date line; later dates are history, teasers or footers. */
const HEAD_BLOCKS = 5;

interface Line { line: number; text: string; strict: boolean }

function explicitLines(article: Article): Line[] {
  const lines: Line[] = article.removed.map((r) => ({ line: r.line, text: r.text, strict: false }));
  article.blocks.slice(0, HEAD_BLOCKS).forEach((b) => {
    if (b.type === 'caption') return;
    lines.push({ line: b.line, text: b.text.slice(0, 200), strict: true });
  });
  return lines.sort((a, b) => a.line - b.line);
}

function eventById(ck: CompiledKnowledge, id: string | null): CorpusEvent | undefined {
  return id === null ? undefined : ck.knowledge.events.find((e) => e.id === id);
}

/** „18.–19. Juni 2024“, „13. September 2023“. */
function range(ev: CorpusEvent): string {
  const [s, e] = [germanDate(ev.start).split(', ')[1] ?? ev.start, germanDate(ev.end).split(', ')[1] ?? ev.end];
  if (ev.start === ev.end) return s;
  if (ev.start.slice(0, 7) === ev.end.slice(0, 7)) return `${Number(ev.start.slice(8))}.–${e}`;
  return `${s} – ${e}`;
}

function explain(a: Anchor, ev: CorpusEvent): string {
  return `„${a.mention.text}“ = ${germanDate(a.date)} (Ereignis ${ev.id}, ${range(ev)})`;
}

export function resolvePublished(article: Article, eventId: string | null, ck: CompiledKnowledge, diagnostics: Diagnostic[]): Published | null {
  const override = ck.knowledge.overrides[article.sourceFile]?.date;
  if (override !== undefined) {
    return { date: override, provenance: 'declared', evidence: `corpus.yml, overrides „${article.sourceFile}“: date ${override} (Angabe der Redaktion)` };
  }
  if (article.declared.date !== undefined) {
    return { date: article.declared.date, provenance: 'declared', evidence: `Front Matter: date ${article.declared.date}` };
  }

  let relativeLine: { verdict: Extract<LineVerdict, { kind: 'relative' }>; text: string } | undefined;
  for (const l of explicitLines(article)) {
    const v = readDateLine(l.text, l.strict);
    if (v?.kind === 'date') {
      return { date: v.date, provenance: 'extracted', evidence: `„${l.text.trim().slice(0, 120)}“ (Zeile ${l.line}${v.label ? `, „${v.label}“` : ''})` };
    }
    if (v?.kind === 'relative' && !relativeLine) relativeLine = { verdict: v, text: l.text.trim() };
  }

  const ev = eventById(ck, eventId);
  if (!ev) return null;
  const inferred = inferFromEvent(article, ev);
  if (inferred === null) return null;
  if ('conflict' in inferred) {
    diagnostics.push(diag(article.sourceFile, 'info', 'enrich', 'published-conflict', `Erscheinungsdatum offen gelassen: ${inferred.conflict}`, { hint: 'Datum in corpus.yml unter overrides eintragen' }));
    return null;
  }
  const { decisive, anchors, date } = inferred;
  const bound = anchors.find((a) => a.tense === 'future' && a !== decisive);
  const why = decisive.tense === 'past'
    ? 'in der Vergangenheit berichtet: der Tag, von dem der Text spricht'
    : `angekündigt für ${decisive.mention.dayPart === 'nachmittag' ? 'den Nachmittag' : decisive.mention.dayPart === 'nacht' ? 'die Nacht' : 'den Abend'} desselben Tages`;
  const boundText = bound ? `; „${bound.clause}“ (${germanDate(bound.date)}) steht noch bevor` : '';
  const evidence = relativeLine
    ? `„${relativeLine.text}“ – „${relativeLine.verdict.mention.text.split(/\s/)[0]?.toLowerCase()}“ = der Tag, von dem der Text spricht: „${decisive.clause}“, ${explain(decisive, ev)}${boundText}`
    : `„${decisive.clause}“ – ${explain(decisive, ev)}; ${why}${boundText}`;
  return { date, provenance: 'inferred', evidence };
}
