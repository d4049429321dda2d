/**
 * Atom and JSON Feed: well-formed, with every element/field their specs require, absolute ids,
 * absolute links only with a base URL, escaped untrusted text, deterministic (no build time).
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import type { EnrichedArticle } from '../../src/model/enriched.ts';
import type { Knowledge } from '../../src/model/knowledge.ts';
import { atomFeed, feedData, jsonFeed, uuidV5, type FeedSource } from '../../src/render/pages/feeds.ts';

const SHA = 'a'.repeat(64);

function article(id: string, title: string, date: string | null, extra: Partial<EnrichedArticle> = {}): EnrichedArticle {
  return {
    id, slug: id, path: `artikel/${id}.html`, sourceFile: `${id}.txt`, sha256: SHA, language: 'de', title, titleProvenance: 'extracted', titleEvidence: title,
    blocks: [
      { type: 'paragraph', text: `Erster Absatz von ${title}.`, line: 3 },
      { type: 'caption', text: 'Bild', credit: 'AFP', line: 4 },
      { type: 'list-item', text: 'Punkt', line: 5 },
    ],
    removed: [], repairs: [], source: { name: 'Tribune & Co', provenance: 'extracted', evidence: 'x' }, credits: [], declared: {}, wordCount: 10, readingMinutes: 1,
    published: date === null ? null : { date, provenance: 'inferred', evidence: 'x' },
    event: null, mentionedEvents: [], entities: [{ id: 'putin', name: 'Wladimir Putin', type: 'person', mentions: 1, occurrences: [] }], quotes: [], candidates: [],
    ...extra,
  };
}

const knowledge = (baseUrl?: string): Knowledge => ({
  site: { title: 'Presse <Schau> & Co', description: 'Test', language: 'de', ...(baseUrl ? { baseUrl } : {}) },
  entities: [], events: [], overrides: {},
});

const SITE: FeedSource<EnrichedArticle> = {
  knowledge: knowledge(),
  blocksOf: (a) => a.blocks,
  articles: [
    article('a', 'Älter', '2024-06-18'),
    article('b', 'Neuer </content><script>alert(1)</script>', '2024-06-19'),
    article('c', 'Ohne Datum', null),
  ],
};

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['entry', 'link', 'category'].includes(name) });
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;
const ABSOLUTE_IRI = /^[a-z][a-z0-9+.-]*:/i;

describe('Atom (RFC 4287)', () => {
  const xml = atomFeed(feedData(SITE));
  const doc = parser.parse(xml) as { feed: Record<string, unknown> & { entry: Record<string, unknown>[] } };

  it('is well-formed XML in the Atom namespace', () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(doc.feed['@xmlns']).toBe('http://www.w3.org/2005/Atom');
  });
  it('has the required feed elements: id (absolute), title, updated (newest date), author', () => {
    expect(String(doc.feed.id)).toMatch(ABSOLUTE_IRI);
    expect(doc.feed.title).toMatchObject({ '#text': 'Presse <Schau> & Co' });
    expect(doc.feed.updated).toBe('2024-06-19T00:00:00Z');
    expect(doc.feed.author).toEqual({ name: 'Presse <Schau> & Co' });
  });
  it('lists dated articles newest first, each with id, title, updated, alternate link, content', () => {
    expect(doc.feed.entry.map((e) => (e.title as { '#text': string })['#text'])).toEqual(['Neuer </content><script>alert(1)</script>', 'Älter']);
    for (const e of doc.feed.entry) {
      expect(String(e.id)).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(String(e.updated)).toMatch(RFC3339);
      expect(String(e.published)).toMatch(RFC3339);
      expect((e.link as Record<string, string>[])[0]).toMatchObject({ '@rel': 'alternate', '@type': 'text/html' });
      expect(e.content).toMatchObject({ '@type': 'html' });
      expect(e.author).toEqual({ name: 'Tribune & Co' });
    }
    expect(xml).toContain('<!-- 1 Artikel ohne erschlossenes Datum sind nicht im Feed. -->');
  });
  it('keeps untrusted text escaped (no markup breaks out)', () => {
    expect(xml).not.toContain('<script>');
    const content = (doc.feed.entry[0]?.content as { '#text': string })['#text'];
    expect(content).toContain('<p>Erster Absatz von Neuer &lt;/content&gt;&lt;script&gt;');
    expect(content).toContain('<ul>\n<li>Punkt</li>\n</ul>');
  });
  it('uses relative links without a base URL, absolute ones (and rel=self) with it', () => {
    expect((doc.feed.entry[0]?.link as Record<string, string>[])[0]?.['@href']).toBe('artikel/b.html');
    const abs = parser.parse(atomFeed(feedData({ ...SITE, knowledge: knowledge('https://example.org/presse') }))) as typeof doc;
    expect((abs.feed.entry[0]?.link as Record<string, string>[])[0]?.['@href']).toBe('https://example.org/presse/artikel/b.html');
    expect((abs.feed.link as Record<string, string>[]).find((l) => l['@rel'] === 'self')?.['@href']).toBe('https://example.org/presse/feed.atom');
  });
  it('is deterministic, and ids do not depend on where the site is hosted', () => {
    expect(atomFeed(feedData(SITE))).toBe(xml);
    const abs = parser.parse(atomFeed(feedData({ ...SITE, knowledge: knowledge('https://example.org/') }))) as typeof doc;
    expect(abs.feed.entry.map((e) => e.id)).toEqual(doc.feed.entry.map((e) => e.id));
  });
  it('says "unknown" (epoch) instead of inventing a date when nothing is dated', () => {
    const none = parser.parse(atomFeed(feedData({ ...SITE, articles: [article('c', 'x', null)] }))) as { feed: Record<string, unknown> };
    expect(none.feed.updated).toBe('1970-01-01T00:00:00Z');
    expect(none.feed.entry).toBeUndefined();
  });
});

describe('JSON Feed 1.1', () => {
  const feed = JSON.parse(jsonFeed(feedData(SITE))) as Record<string, unknown> & { items: Record<string, unknown>[] };
  it('has the required top-level fields', () => {
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
    expect(feed.title).toBe('Presse <Schau> & Co');
    expect(feed.items).toHaveLength(2);
    expect(feed._presseschau).toEqual({ undated: 1 });
  });
  it('gives every item an id, content and an RFC 3339 date; no url without a base URL', () => {
    for (const item of feed.items) {
      expect(typeof item.id).toBe('string');
      expect(typeof item.content_html).toBe('string');
      expect(String(item.date_published)).toMatch(RFC3339);
      expect(item.url).toBeUndefined();
    }
    expect(feed.home_page_url).toBeUndefined();
    expect(feed.feed_url).toBeUndefined();
  });
  it('uses absolute URLs with a base URL', () => {
    const abs = JSON.parse(jsonFeed(feedData({ ...SITE, knowledge: knowledge('https://example.org/presse/') }))) as typeof feed;
    expect(abs.feed_url).toBe('https://example.org/presse/feed.json');
    expect(abs.home_page_url).toBe('https://example.org/presse/index.html');
    expect(abs.items[0]?.url).toBe('https://example.org/presse/artikel/b.html');
  });
});

describe('uuidV5', () => {
  it('matches the RFC 9562 reference value', () => {
    // Reference: Python's uuid.uuid5(uuid.NAMESPACE_URL, 'python.org').
    expect(uuidV5('python.org')).toBe('urn:uuid:7af94e2b-4dd9-50f0-9c9a-8a48519bdef0');
  });
});
