/** zeitleiste.html: the SVG timeline plus the same content as lists (readable without the picture). */
import type { SiteModel } from '../../index/index.ts';
import { PAGES } from '../../index/paths.ts';
import type { Page } from '../../model/page.ts';
import type { RenderContext } from '../context.ts';
import { formatMonth } from '../format.ts';
import { timelineGeometry } from '../timeline.ts';
import { teasers } from './shared.ts';

/** Per month the list shows this many articles; the rest are on the publisher and event pages. */
const PER_MONTH = 30;

export function* timelinePage(site: SiteModel, ctx: RenderContext): Generator<Page> {
  const h = ctx.helpers(PAGES.timeline);
  const months = new Map<string, string[]>();
  const undated: string[] = [];
  for (const a of site.newest) {
    if (!a.published) undated.push(a.id);
    else {
      const key = a.published.date.slice(0, 7);
      const list = months.get(key);
      if (list) list.push(a.id);
      else months.set(key, [a.id]);
    }
  }
  const byMonth = [...months].map(([key, ids]) => ({
    id: `monat-${key}`,
    label: formatMonth(`${key}-01`).replace(/\.(?= )/, ''),
    total: ids.length,
    articles: teasers(site, ids, h, PER_MONTH),
    events: site.events.filter((e) => e.event.start.slice(0, 7) <= key && key <= e.event.end.slice(0, 7)).map((e) => ({ name: e.event.name, href: h.href(e.path) })),
  }));
  yield ctx.renderPage({
    path: PAGES.timeline,
    template: 'timeline',
    title: 'Zeitleiste',
    description: 'Ereignisse und Artikel auf der Zeitachse',
    section: 'timeline',
    crumbs: [{ label: 'Zeitleiste', path: null }],
    data: {
      svg: timelineGeometry(site, h),
      events: site.events.map((e) => ({ name: e.event.name, href: h.href(e.path), range: h.range(e.event.start, e.event.end), start: e.event.start, total: e.articles.length })),
      months: byMonth,
      undated: teasers(site, undated, h, PER_MONTH),
      undatedTotal: undated.length,
      publishers: h.href(PAGES.publishers),
    },
  });
}
