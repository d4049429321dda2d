/**
 * Where each page of the site lives, relative to the output folder. Flat files per type
 * (`personen/<id>.html`), never folders per page: cheaper on disk and natural under file://.
 * Decided here, in the index stage, so every consumer (render, search, feeds) agrees.
 */
import type { EntityType } from '../model/enriched.ts';

export const ENTITY_DIRS: Readonly<Record<EntityType, string>> = {
  person: 'personen',
  place: 'orte',
  organisation: 'organisationen',
};

/** The fixed pages of the site. Search (`suche.html`) and the build report belong to other stages. */
export const PAGES = {
  home: 'index.html',
  events: 'ereignisse.html',
  timeline: 'zeitleiste.html',
  register: 'register.html',
  quotes: 'zitate.html',
  coverage: 'berichterstattung.html',
  publishers: 'quellen.html',
  search: 'suche.html',
  report: '_build/bericht.html',
  notFound: '404.html',
  stylesheet: 'assets/style.css',
  favicon: 'assets/favicon.svg',
  feedAtom: 'feed.atom',
  feedJson: 'feed.json',
} as const;

export const entityPath = (type: EntityType, id: string): string => `${ENTITY_DIRS[type]}/${id}.html`;
export const eventPath = (id: string): string => `ereignisse/${id}.html`;
export const publisherPath = (slug: string): string => `quellen/${slug}.html`;
