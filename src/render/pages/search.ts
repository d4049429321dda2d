/**
 * suche.html and the search index files under suche/. The page is plain HTML (form, status,
 * empty result list, <noscript> note); assets/suche.js — bundled from src/render/client/ and
 * delivered by the theme like any built-in asset — fills the list. The form is a GET form, so
 * `suche.html?q=…` from any page's header form works over http and from file://.
 */
import type { SiteModel } from '../../index/index.ts';
import { PAGES } from '../../index/paths.ts';
import { searchIndexFiles } from '../../index/search.ts';
import { searchDocs } from '../../index/search-docs.ts';
import type { LazyPage, Page } from '../../model/page.ts';
import { recordKey } from '../lazy.ts';
import type { RenderContext } from '../context.ts';

/** Output path of the client; scripts/compile.mjs writes it to lib/assets/suche.js. */
export const SEARCH_CLIENT = 'assets/suche.js';
/** Its stylesheet (from src/render/client/search.css), linked from the page body: the layout belongs to the theme. */
export const SEARCH_STYLE = 'assets/suche.css';

export function* searchPages(site: SiteModel, ctx: RenderContext): Generator<Page | LazyPage> {
  for (const asset of [SEARCH_CLIENT, SEARCH_STYLE]) {
    if (!ctx.theme.assets.has(asset)) {
      throw new Error(`render: ${asset} fehlt im Theme; ohne geht die Suche nicht. Erst \`npm run compile\` ausführen (schreibt lib/${asset}).`);
    }
  }
  const docs = searchDocs(site, (a) => recordKey(site, a));
  yield ctx.renderPage({
    path: PAGES.search,
    template: 'search',
    title: 'Suche',
    description: `Volltextsuche in ${site.articles.length} Artikeln, ihren Personen, Orten und Ereignissen`,
    section: 'search',
    crumbs: [{ label: 'Suche', path: null }],
    data: {
      count: docs.length,
      links: { client: SEARCH_CLIENT, style: SEARCH_STYLE, register: PAGES.register, events: PAGES.events, timeline: PAGES.timeline },
    },
  });
  // Document chunks and term shards come keyed (LazyPage): a rebuild reads the records of changed
  // chunks only and makes the JSON of changed shards only.
  yield* searchIndexFiles(docs, {}, site.search);
}
