/**
 * The timeline as data for an inline SVG drawn at build time: events as bands, articles as dots
 * binned per day (a dot per day, not per article, so 100 000 articles stay a few hundred shapes),
 * year or month ticks. Pure geometry; templates/timeline.eta turns it into markup.
 */
import type { SiteModel } from '../index/index.ts';
import type { Helpers } from './context.ts';
import { formatMonth } from './format.ts';

export const WIDTH = 1000;
const PAD = 40;
const LANE = 26;

export interface TimelineGeometry {
  width: number;
  height: number;
  axisY: number;
  ticks: { x: number; label: string }[];
  events: { x: number; y: number; w: number; h: number; labelX: number; labelY: number; name: string; title: string; href: string }[];
  days: { x: number; y: number; r: number; title: string; href: string }[];
}

const DAY = 86_400_000;
const ms = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

export function timelineGeometry(site: SiteModel, h: Helpers): TimelineGeometry | null {
  const dated = new Map<string, string[]>();
  for (const a of site.newest) if (a.published) {
    const list = dated.get(a.published.date);
    if (list) list.push(a.id);
    else dated.set(a.published.date, [a.id]);
  }
  const points = [...dated.keys(), ...site.events.flatMap((e) => [e.event.start, e.event.end])].map(ms);
  if (points.length === 0) return null;
  let min = Math.min(...points);
  let max = Math.max(...points);
  const span = Math.max(max - min, 30 * DAY);
  min -= span * 0.04;
  max += span * 0.04;
  const x = (t: number) => Math.round((PAD + ((t - min) / (max - min)) * (WIDTH - 2 * PAD)) * 10) / 10;
  // events stacked into lanes so overlapping ones do not hide each other
  const laneEnds: number[] = [];
  const events = site.events.map((ev) => {
    const x0 = x(ms(ev.event.start));
    const x1 = Math.max(x(ms(ev.event.end) + DAY), x0 + 8);
    let lane = laneEnds.findIndex((end) => end + 4 < x0);
    if (lane === -1) lane = laneEnds.length;
    laneEnds[lane] = Math.max(x1, x0 + 7 * ev.event.name.length); // leave room for the label
    const y = 24 + lane * LANE * 1.6;
    return { x: x0, y, w: Math.round((x1 - x0) * 10) / 10, h: LANE * 0.6, labelX: x0, labelY: y - 4, name: ev.event.name, title: `${ev.event.name}, ${h.range(ev.event.start, ev.event.end)}: ${h.plural(ev.articles.length, 'Artikel', 'Artikel')}`, href: h.href(ev.path) };
  });
  const dotsY = 24 + Math.max(1, laneEnds.length) * LANE * 1.6 + 12;
  const eventOn = (iso: string) => site.events.find((e) => e.event.start <= iso && iso <= e.event.end);
  const days = [...dated].sort((p, q) => (p[0] < q[0] ? -1 : 1)).map(([iso, ids]) => {
    const first = site.byId.get(ids[0] ?? '');
    const ev = eventOn(iso);
    // one article: link it; several on an event day: the event page lists them; else the first
    const href = ids.length === 1 || !ev ? h.href(first?.path ?? 'index.html') : h.href(ev.path);
    const title = ids.length === 1 && first ? `${h.date(iso)}: ${first.title}` : `${h.date(iso)}: ${h.plural(ids.length, 'Artikel', 'Artikel')}`;
    return { x: x(ms(iso)), y: dotsY, r: Math.min(4 + Math.sqrt(ids.length) * 2, 14), title, href };
  });
  const axisY = dotsY + 26;
  const yearsSpan = (max - min) / (365 * DAY);
  const ticks: TimelineGeometry['ticks'] = [];
  const start = new Date(min);
  for (let y = start.getUTCFullYear(), m = yearsSpan > 2 ? 0 : start.getUTCMonth(); ; ) {
    const t = Date.UTC(y, m, 1);
    if (t > max) break;
    if (t >= min) ticks.push({ x: x(t), label: yearsSpan > 2 ? String(y) : formatMonth(new Date(t).toISOString().slice(0, 7)) });
    if (yearsSpan > 2) y++;
    else if (++m > 11) { m = 0; y++; }
  }
  return { width: WIDTH, height: axisY + 30, axisY, ticks, events, days };
}
