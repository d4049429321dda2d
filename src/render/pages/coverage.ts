/**
 * berichterstattung.html: per event, the outlets side by side – which people, places,
 * organisations, speakers and topics (the event's keywords) each reported. A matrix a reader
 * can scan; capped in both directions so a 100 000-article corpus still gives a readable table.
 */
import type { EventInfo, SiteModel } from '../../index/index.ts';
import { PAGES } from '../../index/paths.ts';
import type { ArticleDigest } from '../../model/digest.ts';
import type { EntityType } from '../../model/enriched.ts';
import type { Page } from '../../model/page.ts';
import type { Helpers, RenderContext } from '../context.ts';
import { TYPE_LABELS } from './shared.ts';

const MAX_COLUMNS = 12;
const MAX_ROWS = 20;

interface Column { label: string; href: string; articles: ArticleDigest[] }
interface Row { label: string; href: string | null; cells: number[] }

export function* coveragePage(site: SiteModel, ctx: RenderContext): Generator<Page> {
  const h = ctx.helpers(PAGES.coverage);
  yield ctx.renderPage({
    path: PAGES.coverage,
    template: 'coverage',
    title: 'Berichterstattung im Vergleich',
    description: 'Welche Quelle berichtete über wen und was – je Ereignis nebeneinander',
    section: 'coverage',
    crumbs: [{ label: 'Berichterstattung', path: null }],
    data: { events: site.events.map((ev) => matrix(site, ev, h)) },
  });
}

function matrix(site: SiteModel, ev: EventInfo, h: Helpers) {
  const columns: Column[] = [];
  const byPublisher = new Map<string, Column>();
  for (const id of ev.articles) {
    const a = site.byId.get(id);
    if (!a) continue;
    const p = site.publisherOf.get(id);
    if (p && p.name !== null) {
      let col = byPublisher.get(p.slug);
      if (!col) byPublisher.set(p.slug, (col = { label: p.name, href: h.href(p.path), articles: [] }));
      if (!columns.includes(col)) columns.push(col);
      col.articles.push(a);
    } else {
      // without a named publisher each article is its own voice
      columns.push({ label: `ohne Quelle: ${a.title.length > 40 ? `${a.title.slice(0, 40)}…` : a.title}`, href: h.href(a.path), articles: [a] });
    }
  }
  columns.sort((x, y) => y.articles.length - x.articles.length);
  const shown = columns.slice(0, MAX_COLUMNS);
  const sections: { label: string; rows: Row[] }[] = [];
  for (const type of ['person', 'place', 'organisation'] as const satisfies readonly EntityType[]) {
    const counts = new Map<string, number[]>();
    shown.forEach((col, i) => {
      for (const a of col.articles) for (const e of a.entities) if (e.type === type) {
        let row = counts.get(e.id);
        if (!row) counts.set(e.id, (row = shown.map(() => 0)));
        row[i] = (row[i] ?? 0) + e.mentions;
      }
    });
    sections.push({ label: TYPE_LABELS[type].many, rows: rows(counts, (id) => site.entities.get(id), h) });
  }
  const speakers = new Map<string, number[]>();
  shown.forEach((col, i) => {
    for (const a of col.articles) for (const q of a.quotes) {
      const key = q.speakerId ?? '';
      let row = speakers.get(key);
      if (!row) speakers.set(key, (row = shown.map(() => 0)));
      row[i] = (row[i] ?? 0) + 1;
    }
  });
  sections.push({ label: 'Zitate von', rows: rows(speakers, (id) => (id === '' ? { name: 'unbekannt', path: null } : site.entities.get(id)), h) });
  const topics = ev.event.keywords.map((k) => {
    const needle = k.toLocaleLowerCase('de');
    return { label: k, href: null, cells: shown.map((col) => col.articles.filter((a) => a.topics.includes(needle)).length) };
  }).filter((r) => r.cells.some((c) => c > 0));
  sections.push({ label: 'Themen', rows: topics });
  return {
    id: ev.event.id,
    name: ev.event.name,
    href: h.href(ev.path),
    range: h.range(ev.event.start, ev.event.end),
    columns: shown.map((c) => ({ label: c.label, href: c.href, articles: c.articles.length })),
    hidden: columns.length - shown.length,
    sections: sections.filter((s) => s.rows.length > 0),
  };
}

function rows(counts: Map<string, number[]>, lookup: (id: string) => { name: string; path: string | null } | undefined, h: Helpers): Row[] {
  return [...counts]
    .map(([id, cells]) => ({ id, cells, reach: cells.filter((c) => c > 0).length, total: cells.reduce((s, c) => s + c, 0) }))
    .sort((a, b) => b.reach - a.reach || b.total - a.total || (a.id < b.id ? -1 : 1))
    .slice(0, MAX_ROWS)
    .flatMap((r) => {
      const e = lookup(r.id);
      return e ? [{ label: e.name, href: e.path === null ? null : h.href(e.path), cells: r.cells }] : [];
    });
}
