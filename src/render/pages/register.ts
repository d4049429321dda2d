/**
 * The A–Z register (register.html): every person, place and organisation in German collation.
 * Letters group by base letter (Ä with A, Ö with O, Ü with U, as DIN 5007-1 files them);
 * names starting with a digit or sign go under „#“.
 */
import type { SiteModel } from '../../index/index.ts';
import { PAGES } from '../../index/paths.ts';
import type { Page } from '../../model/page.ts';
import type { RenderContext } from '../context.ts';
import { entityLink, TYPE_LABELS } from './shared.ts';

export function registerLetter(name: string): string {
  const first = name.trim().normalize('NFD').replace(/\p{M}/gu, '').charAt(0).toLocaleUpperCase('de');
  return /\p{L}/u.test(first) ? first : '#';
}

export function* registerPage(site: SiteModel, ctx: RenderContext): Generator<Page> {
  const h = ctx.helpers(PAGES.register);
  const letters: { letter: string; id: string; entries: ReturnType<typeof entry>[] }[] = [];
  const entry = (id: string) => {
    const e = site.entities.get(id);
    return e ? { ...entityLink(e, h), typeLabel: TYPE_LABELS[e.type].one, role: e.role, articles: e.passages.length } : null;
  };
  for (const id of site.entityOrder) {
    const e = site.entities.get(id);
    const item = entry(id);
    if (!e || !item) continue;
    const letter = registerLetter(e.name);
    let group = letters.at(-1);
    if (group?.letter !== letter) {
      group = { letter, id: `buchstabe-${letter === '#' ? 'zeichen' : letter.toLowerCase()}`, entries: [] };
      letters.push(group);
    }
    group.entries.push(item);
  }
  const counts = (['person', 'place', 'organisation'] as const).map((t) => ({ label: TYPE_LABELS[t].many, count: [...site.entities.values()].filter((e) => e.type === t).length }));
  yield ctx.renderPage({
    path: PAGES.register,
    template: 'register',
    title: 'Register A–Z',
    description: 'Personen, Orte und Organisationen von A bis Z',
    section: 'register',
    crumbs: [{ label: 'Register A–Z', path: null }],
    data: { letters, counts },
  });
}
