/**
 * What the search finds: every article (title, body, the names of the entities it mentions),
 * every person, place and organisation, every event — each with the page it links to.
 */
import type { ArticleDigest } from '../model/digest.ts';
import type { EntityType } from '../model/enriched.ts';
import type { SiteModel } from './index.ts';
import { articleEntityNames, bodyText, type SearchDoc, type SearchDocs, type SearchKind } from './search.ts';

const KIND: Readonly<Record<EntityType, SearchKind>> = { person: 'person', place: 'ort', organisation: 'organisation' };

/**
 * Articles first (document n = site.articles[n]: their analyses are merged in site.search already),
 * then the catalogues. Lazy: an article's document, with its whole text, is made when asked for.
 * `recordKey`: a fingerprint of an article's record (render/lazy.ts recordKey); with it the
 * documents have keys (SearchDocs.key), so unchanged chunks need not be made again.
 */
export function searchDocs(site: SiteModel, recordKey?: (a: ArticleDigest) => string): SearchDocs {
  const catalogue = catalogueDocs(site);
  const n = site.articles.length;
  const docs: SearchDocs = {
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
  if (recordKey) {
    docs.key = (i) => {
      if (i >= n) return JSON.stringify(catalogue[i - n]);
      const a = site.articles[i] as ArticleDigest; // i < n
      // The record key stands for the text only when it comes from the input bytes; else the document itself.
      if (site.build.inputs?.get(a.id) === undefined) return JSON.stringify(docs.at(i));
      // An article's row: its digest's title, path, date and source, and the text of its record.
      return JSON.stringify([recordKey(a), a.title, a.path, a.published?.date ?? null, a.source?.name ?? null]);
    };
  }
  return docs;
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
