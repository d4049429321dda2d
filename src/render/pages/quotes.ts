/** zitate.html: every quotation, grouped by speaker, each statement once with every outlet that carried it. */
import type { SiteModel } from '../../index/index.ts';
import { collator } from '../../index/index.ts';
import { PAGES } from '../../index/paths.ts';
import type { Page } from '../../model/page.ts';
import type { RenderContext } from '../context.ts';
import { quoteCard, type QuoteCard } from './shared.ts';

export function* quotesPage(site: SiteModel, ctx: RenderContext): Generator<Page> {
  const h = ctx.helpers(PAGES.quotes);
  const bySpeaker = new Map<string, { name: string; href: string | null; id: string; cards: QuoteCard[] }>();
  for (const group of site.quoteGroups) {
    const card = quoteCard(site, group, h);
    if (!card) continue;
    const key = card.speaker?.id ?? `?${card.speakerName ?? ''}`;
    let entry = bySpeaker.get(key);
    if (!entry) {
      const anchor = card.speaker ? `sprecher-${card.speaker.id}` : `sprecher-${bySpeaker.size + 1}`;
      bySpeaker.set(key, (entry = { name: card.speakerName ?? 'Sprecher unbekannt', href: card.speaker?.href ?? null, id: anchor, cards: [] }));
    }
    entry.cards.push(card);
  }
  const speakers = [...bySpeaker.values()].sort((a, b) => b.cards.length - a.cards.length || collator.compare(a.name, b.name));
  yield ctx.renderPage({
    path: PAGES.quotes,
    template: 'quotes',
    title: 'Zitate',
    description: 'Wer sagte was – und welche Medien es zitierten',
    section: 'quotes',
    crumbs: [{ label: 'Zitate', path: null }],
    data: { speakers, total: site.quoteGroups.length },
  });
}
