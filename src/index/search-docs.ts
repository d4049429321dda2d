/**
 * What the search finds: every article (title, body, the names of the entities it mentions),
 * every person, place and organisation, every event — each with the page it links to.
 */
import type { EntityType } from '../model/enriched.ts';
import type { SiteModel } from './index.ts';
import { articleEntityNames, bodyText, type SearchDoc, type SearchDocs, type SearchKind } from './search.ts';

const KIND: Readonly<Record<EntityType, SearchKind>> = { person: 'person', place: 'ort', organisation: 'organisation' };

/**
 * Articles first (document n = site.articles[n]: their analyses are merged in site.search already),
 * then the catalogues. Lazy: an article's document, with its whole text, is made when asked for.
 */
export function searchDocs(site: SiteModel): SearchDocs {
  const catalogue = catalogueDocs(site);
  const n = site.articles.length;
  return {
    length: n + catalogue.length,
    at(i) {
      if (i >= n) return catalogue[i - n] as SearchDoc; // i < length
      const a = site.articles[i] as SiteModel['articles'][number]; // i < n
      return {
        kind: 'artikel',
        title: a.title,
        path: a.path,
        date: a.published?.date ?? null,
        source: a.source?.name ?? null,
        text: bodyText(site.blocksOf(a)),
        entities: articleEntityNames(a.entities),
      };
    },
  };
}

function catalogueDocs(site: SiteModel): SearchDoc[] {
  const docs: SearchDoc[] = [];
  // The site's own catalogues: every entity and event that gets a page, with that page's path.
  for (const id of site.entityOrder) {
    const e = site.entities.get(id);
    if (!e) continue;
    docs.push({
      kind: KIND[e.type],
      title: e.name,
      path: e.path,
      date: null,
      source: e.role || null,
      text: [e.description, e.aliases.length > 0 ? `Auch: ${e.aliases.join(', ')}` : ''].filter(Boolean).join('\n\n'),
      entities: e.aliases,
    });
  }
  for (const info of site.events) {
    const ev = info.event;
    docs.push({
      kind: 'ereignis',
      title: ev.name,
      path: info.path,
      date: ev.start,
      source: site.entities.get(ev.place)?.name ?? null,
      text: ev.description,
      entities: ev.participants.map((p) => site.entities.get(p)?.name ?? p),
    });
  }
  return docs;
}
