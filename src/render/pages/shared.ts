/** View-model pieces several page types share: article teasers, entity links, quotation cards. */
import type { EntityInfo, SiteModel } from '../../index/index.ts';
import type { ArticleDigest } from '../../model/digest.ts';
import type { EntityType } from '../../model/enriched.ts';
import type { Helpers } from '../context.ts';
import type { TeaserFields } from './site-view.ts';

export const TYPE_LABELS: Readonly<Record<EntityType, { one: string; many: string }>> = {
  person: { one: 'Person', many: 'Personen' },
  place: { one: 'Ort', many: 'Orte' },
  organisation: { one: 'Organisation', many: 'Organisationen' },
};

export interface Teaser {
  title: string;
  href: string;
  publisher: string | null;
  date: string | null;
  iso: string | null;
  inferred: boolean;
}

/**
 * `make` computed at most once per site model (several page builders of one build ask for the
 * same corpus-wide value); the value goes with the model.
 */
export function oncePerSite<T>(make: (site: SiteModel) => T): (site: SiteModel) => T {
  const made = new WeakMap<SiteModel, T>();
  return (site) => {
    if (made.has(site)) return made.get(site) as T;
    const value = make(site);
    made.set(site, value);
    return value;
  };
}

/** Teasers repeat on many pages (an article is on every entity page it names) and depend only on the link scope. */
const memo = new WeakMap<ArticleDigest, Map<string, Teaser>>();

/** Shared objects: callers must not change a teaser (spread it to extend it). */
export function teaser(site: SiteModel, a: ArticleDigest, h: Helpers): Teaser {
  let byScope = memo.get(a);
  if (!byScope) memo.set(a, (byScope = new Map()));
  let t = byScope.get(h.scope);
  if (!t) byScope.set(h.scope, (t = makeTeaser(a, h)));
  return t;
}

function makeTeaser(a: ArticleDigest, h: Helpers): Teaser {
  return teaserOfFields({ title: a.title, path: a.path, publisher: a.source?.name ?? null, published: a.published }, h);
}

/**
 * The teaser of an article from the site view's fields (render/pages/site-view.ts), on any thread:
 * teasers and quotation cards repeat across pages and depend only on the link scope, so they are
 * memoised per site-view object and scope. Shared objects, as `teaser`'s.
 */
const viewMemo = new WeakMap<TeaserFields, Map<string, Teaser>>();
export function viewTeaser(t: TeaserFields, h: Helpers): Teaser {
  let byScope = viewMemo.get(t);
  if (!byScope) viewMemo.set(t, (byScope = new Map()));
  let teaser = byScope.get(h.scope);
  if (!teaser) byScope.set(h.scope, (teaser = teaserOfFields(t, h)));
  return teaser;
}

/** A teaser from what a teaser shows of an article (also what the threads' site view holds of it). */
export function teaserOfFields(t: TeaserFields, h: Helpers): Teaser {
  return {
    title: t.title,
    href: h.href(t.path),
    publisher: t.publisher,
    date: t.published ? h.date(t.published.date) : null,
    iso: t.published?.date ?? null,
    inferred: t.published !== null && t.published.provenance === 'inferred',
  };
}

export function teasers(site: SiteModel, ids: readonly string[], h: Helpers, limit = Infinity): Teaser[] {
  const out: Teaser[] = [];
  for (const id of ids) {
    if (out.length >= limit) break;
    const a = site.byId.get(id);
    if (a) out.push(teaser(site, a, h));
  }
  return out;
}

export interface EntityLink {
  id: string;
  name: string;
  href: string;
  type: EntityType;
}

export function entityLink(e: Pick<EntityInfo, 'id' | 'name' | 'path' | 'type'>, h: Helpers): EntityLink {
  return { id: e.id, name: e.name, href: h.href(e.path), type: e.type };
}

export function publisherLink(site: SiteModel, articleId: string, h: Helpers): { name: string; href: string } | null {
  const p = site.publisherOf.get(articleId);
  return p ? { name: p.name ?? 'Quelle unbekannt', href: h.href(p.path) } : null;
}

export interface QuoteCard {
  text: string;
  speaker: EntityLink | null;
  speakerName: string | null;
  evidence: string;
  /** Outlets that carried it, one per article, at most MAX_CARRIERS. */
  carriers: { article: Teaser }[];
  /** Carrying articles not listed. */
  moreCarriers: number;
}

/** A statement wired to hundreds of outlets would make every card a page long. */
export const MAX_CARRIERS = 12;

/** A quotation group → one card: the first article's wording, every carrying article listed. */
export function quoteCard(site: SiteModel, group: readonly { articleId: string; index: number }[], h: Helpers): QuoteCard | null {
  const first = group[0];
  const a = first ? site.byId.get(first.articleId) : undefined;
  const q = first && a ? a.quotes[first.index] : undefined;
  if (!first || !a || !q) return null;
  const speaker = q.speakerId !== null ? site.entities.get(q.speakerId) : undefined;
  return {
    text: q.text,
    speaker: speaker ? entityLink(speaker, h) : null,
    speakerName: speaker?.name ?? q.speakerName,
    evidence: q.evidence,
    moreCarriers: Math.max(0, group.length - MAX_CARRIERS),
    carriers: group.slice(0, MAX_CARRIERS).flatMap((r) => {
      const art = site.byId.get(r.articleId);
      return art ? [{ article: teaser(site, art, h) }] : [];
    }),
  };
}
