/**
 * Atom (RFC 4287) and JSON Feed 1.1 of the newest dated articles.
 *
 * Deterministic: no build time anywhere; the feed's `updated` is the newest publication date.
 * Entry ids are name-based UUIDs (`urn:uuid:`, RFC 9562 version 5) of the site title and the
 * article id, so they are absolute without a base URL and survive moving the site to another
 * host. Links are absolute when `site.baseUrl` is set; without it Atom links stay relative (RFC
 * 4287 resolves them against the feed's own URL) and JSON Feed leaves `url` out.
 * Articles without a date cannot be placed in a feed: they are counted, not listed (an XML
 * comment in Atom, `_presseschau.undated` in JSON Feed).
 */
import { createHash } from 'node:crypto';
import type { SiteModel } from '../../index/index.ts';
import type { Block } from '../../model/article.ts';
import type { ArticleDigest } from '../../model/digest.ts';
import type { Page } from '../../model/page.ts';
import { absoluteUrl } from '../paths.ts';

export const FEED_PATHS = { atom: 'feed.atom', json: 'feed.json' } as const;

/** Newest entries per feed; older ones are on the site, not in the feed. */
export const FEED_LIMIT = 50;

/** RFC 9562 URL namespace, the conventional namespace for names that are not DNS names. */
const NAMESPACE = '6ba7b8119dad11d180b400c04fd430c8';

export function uuidV5(name: string): string {
  const hash = createHash('sha1').update(Buffer.from(NAMESPACE, 'hex')).update(name, 'utf8').digest();
  hash[6] = ((hash[6] ?? 0) & 0x0f) | 0x50;
  hash[8] = ((hash[8] ?? 0) & 0x3f) | 0x80;
  const h = hash.subarray(0, 16).toString('hex');
  return `urn:uuid:${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

const xml = (s: string) =>
  s
    // Characters XML 1.0 forbids outright; the seed text is untrusted and may carry them.
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');

/** The article body as small, escaped HTML for feed readers. */
export function bodyHtml(blocks: readonly Block[]): string {
  const out: string[] = [];
  let inList = false;
  for (const b of blocks) {
    if (b.type !== 'list-item' && inList) {
      out.push('</ul>');
      inList = false;
    }
    const text = xml(b.text);
    if (b.type === 'heading') out.push(`<h2>${text}</h2>`);
    else if (b.type === 'blockquote') out.push(`<blockquote><p>${text}</p></blockquote>`);
    else if (b.type === 'caption') out.push(`<p><small>${text}${b.credit ? ` (${xml(b.credit)})` : ''}</small></p>`);
    else if (b.type === 'list-item') {
      if (!inList) out.push('<ul>');
      inList = true;
      out.push(`<li>${text}</li>`);
    } else out.push(`<p>${text}</p>`);
  }
  if (inList) out.push('</ul>');
  return out.join('\n');
}

/** What a feed reads of an article (a digest or a full record); its body comes from FeedSource.blocksOf. */
export type FeedArticle = Pick<ArticleDigest, 'id' | 'title' | 'path' | 'published' | 'source' | 'language'> & { entities: readonly { name: string }[] };

export interface FeedEntry {
  article: FeedArticle;
  /** The article's full body (a lean digest has only some of its blocks). */
  blocks: readonly Block[];
  date: string;
  id: string;
  /** Absolute when the site has a base URL, else relative to the feed. */
  link: string;
  absolute: boolean;
  summary: string;
  author: string;
}

export interface FeedData {
  id: string;
  title: string;
  description: string;
  language: string;
  /** RFC 3339 date-time. */
  updated: string;
  entries: FeedEntry[];
  undated: number;
  baseUrl: string | undefined;
}

const timestamp = (date: string) => `${date}T00:00:00Z`;

/**
 * Feeds need only the site settings, the articles and each one's full body: a SiteModel is one
 * (`blocksOf` reads a lean digest's body back from the record store).
 */
export interface FeedSource<A extends FeedArticle = FeedArticle> {
  knowledge: Pick<SiteModel['knowledge'], 'site'>;
  articles: readonly A[];
  blocksOf(a: A): readonly Block[];
}

export function feedData<A extends FeedArticle>(site: FeedSource<A>, limit = FEED_LIMIT): FeedData {
  const s = site.knowledge.site;
  const dated = site.articles
    .filter((a): a is A & { published: NonNullable<FeedArticle['published']> } => a.published !== null)
    .sort((a, b) => (a.published.date === b.published.date ? (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) : a.published.date < b.published.date ? 1 : -1));
  const entries = dated.slice(0, limit).map((a) => {
    const abs = absoluteUrl(s.baseUrl, a.path);
    const blocks = site.blocksOf(a);
    const lead = blocks.find((b) => b.type === 'paragraph') ?? blocks[0];
    return {
      article: a,
      blocks,
      date: a.published.date,
      id: uuidV5(`${s.title}\n${a.id}`),
      link: abs ?? a.path,
      absolute: abs !== null,
      summary: lead?.text ?? '',
      author: a.source?.name ?? s.title,
    };
  });
  const newest = entries[0]?.date;
  return {
    id: uuidV5(`${s.title}\nfeed`),
    title: s.title,
    description: s.description,
    language: s.language,
    // With no dated article there is no honest date; the epoch says "unknown" without inventing one.
    updated: timestamp(newest ?? '1970-01-01'),
    entries,
    undated: site.articles.length - dated.length,
    baseUrl: s.baseUrl,
  };
}

export function atomFeed(feed: FeedData): string {
  const lines = ['<?xml version="1.0" encoding="utf-8"?>', `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${xml(feed.language)}">`];
  lines.push(`  <id>${feed.id}</id>`, `  <title type="text">${xml(feed.title)}</title>`);
  if (feed.description) lines.push(`  <subtitle type="text">${xml(feed.description)}</subtitle>`);
  lines.push(`  <updated>${feed.updated}</updated>`, `  <author><name>${xml(feed.title)}</name></author>`, '  <generator>presseschau</generator>');
  const self = absoluteUrl(feed.baseUrl, FEED_PATHS.atom);
  if (self) lines.push(`  <link rel="self" type="application/atom+xml" href="${xml(self)}"/>`);
  lines.push(`  <link rel="alternate" type="text/html" href="${xml(absoluteUrl(feed.baseUrl, 'index.html') ?? 'index.html')}"/>`);
  if (feed.undated > 0) lines.push(`  <!-- ${feed.undated} Artikel ohne erschlossenes Datum sind nicht im Feed. -->`);
  for (const e of feed.entries) {
    lines.push(
      '  <entry>',
      `    <id>${e.id}</id>`,
      `    <title type="text">${xml(e.article.title)}</title>`,
      `    <link rel="alternate" type="text/html" href="${xml(e.link)}"/>`,
      `    <published>${timestamp(e.date)}</published>`,
      `    <updated>${timestamp(e.date)}</updated>`,
      `    <author><name>${xml(e.author)}</name></author>`,
    );
    for (const name of [...new Set(e.article.entities.map((x) => x.name))].sort()) lines.push(`    <category term="${xml(name)}"/>`);
    if (e.summary) lines.push(`    <summary type="text">${xml(e.summary)}</summary>`);
    lines.push(`    <content type="html">${xml(bodyHtml(e.blocks))}</content>`, '  </entry>');
  }
  lines.push('</feed>', '');
  return lines.join('\n');
}

export function jsonFeed(feed: FeedData): string {
  const home = absoluteUrl(feed.baseUrl, 'index.html');
  const self = absoluteUrl(feed.baseUrl, FEED_PATHS.json);
  const out = {
    version: 'https://jsonfeed.org/version/1.1',
    title: feed.title,
    ...(home ? { home_page_url: home } : {}),
    ...(self ? { feed_url: self } : {}),
    ...(feed.description ? { description: feed.description } : {}),
    language: feed.language,
    authors: [{ name: feed.title }],
    items: feed.entries.map((e) => ({
      id: e.id,
      ...(e.absolute ? { url: e.link } : {}),
      title: e.article.title,
      content_html: bodyHtml(e.blocks),
      ...(e.summary ? { summary: e.summary } : {}),
      date_published: timestamp(e.date),
      authors: [{ name: e.author }],
      tags: [...new Set(e.article.entities.map((x) => x.name))].sort(),
      language: e.article.language,
    })),
    _presseschau: { undated: feed.undated },
  };
  return JSON.stringify(out, null, 2) + '\n';
}

export function* feedPages(site: SiteModel): Generator<Page> {
  const feed = feedData<ArticleDigest>(site);
  yield { path: FEED_PATHS.atom, content: atomFeed(feed) };
  yield { path: FEED_PATHS.json, content: jsonFeed(feed) };
}
