/** ASCII slugs with German transliteration; uniqueness is settled corpus-wide by assignSlugs. */
import { createHash } from 'node:crypto';

const GERMAN: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', Ä: 'Ae', Ö: 'Oe', Ü: 'Ue', ß: 'ss', ẞ: 'SS' };

export function slugify(text: string, maxLength = 80): string {
  const ascii = text
    .replace(/[äöüÄÖÜßẞ]/g, (c) => GERMAN[c] ?? c)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (ascii.length <= maxLength) return ascii;
  const cut = ascii.slice(0, maxLength);
  const dash = cut.lastIndexOf('-');
  return (dash > maxLength / 2 ? cut.slice(0, dash) : cut).replace(/-+$/g, '');
}

/** A short, stable suffix from the article id (not from its position), so slugs survive reordering. */
export function idSuffix(id: string): string {
  return createHash('sha256').update(id).digest('hex').slice(0, 6);
}

/**
 * Make slugs unique and stable: articles are visited in id order; the first keeps its slug,
 * later ones with the same slug get a suffix derived from their id. Empty slugs (titles of
 * punctuation or emoji) fall back to `artikel-<suffix>`.
 *
 * Id order alone is not stable across builds: a new file whose id sorts first would take the
 * plain slug from an existing article (test/regressions/slug-stability.test.ts). `previous`, the
 * id → slug map of the last build, fixes that: an article keeps its previous slug while that
 * slug still belongs to its title (the plain slug, or the plain slug with this id's suffix), and
 * newcomers are placed around the kept ones. Without `previous` the result is as before.
 */
export function assignSlugs<T extends { id: string; slug: string; path: string }>(articles: readonly T[], dir = 'artikel', previous?: ReadonlyMap<string, string>): T[] {
  const taken = new Set<string>();
  const order = [...articles].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const result = new Map<string, T>();
  const place = (a: T, slug: string) => {
    taken.add(slug);
    result.set(a.id, { ...a, slug, path: `${dir}/${slug}.html` });
  };
  if (previous) {
    for (const a of order) {
      const before = previous.get(a.id);
      if (before === undefined || taken.has(before)) continue;
      const base = a.slug === '' ? 'artikel' : a.slug;
      const own = `${base}-${idSuffix(a.id)}`;
      if (before === a.slug || before === own || (before.startsWith(`${own}-`) && /^\d+$/.test(before.slice(own.length + 1)))) place(a, before);
    }
  }
  for (const a of order) {
    if (result.has(a.id)) continue;
    let slug = a.slug === '' ? `artikel-${idSuffix(a.id)}` : a.slug;
    if (taken.has(slug)) slug = `${slug}-${idSuffix(a.id)}`;
    for (let n = 2; taken.has(slug); n++) slug = `${a.slug || 'artikel'}-${idSuffix(a.id)}-${n}`;
    place(a, slug);
  }
  return articles.map((a) => result.get(a.id)!);
}
