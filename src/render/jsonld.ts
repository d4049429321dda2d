/**
 * schema.org JSON-LD, serialised so it can sit inside <script type="application/ld+json">
 * without ever closing the element or opening markup: `<`, `>` and `&` become \u escapes
 * (JSON stays equal), as do U+2028/U+2029 for old JSON-in-JS parsers.
 */
export type JsonLd = Record<string, unknown>;

export function serializeJsonLd(items: readonly JsonLd[]): string {
  const data = items.length === 1 ? items[0] : { '@context': 'https://schema.org', '@graph': items.map(({ ['@context']: _drop, ...rest }) => rest) };
  return JSON.stringify(data).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export interface Crumb {
  label: string;
  /** Page path relative to the output folder; null for the current page. */
  path: string | null;
}

export function breadcrumbList(crumbs: readonly Crumb[], url: (path: string) => string | null): JsonLd {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: crumbs.map((c, i) => {
      const item = c.path === null ? null : url(c.path);
      return { '@type': 'ListItem', position: i + 1, name: c.label, ...(item !== null ? { item } : {}) };
    }),
  };
}
