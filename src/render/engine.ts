/**
 * The template engine: Eta with auto-escaping on. Templates come from the Theme (read by
 * ingest); each is registered as `@name` so `include('@partials/article-list', …)` works the
 * same for built-in and overriding templates. `<%= %>` escapes, `<%~ %>` inserts HTML we built
 * ourselves (the article body from hast-util-to-html, the layout's page content).
 */
import { Eta } from 'eta';
import type { Theme } from '../model/theme.ts';

export interface Engine {
  render(name: string, data: object): string;
  has(name: string): boolean;
}

export function createEngine(theme: Pick<Theme, 'templates' | 'origins'>): Engine {
  // autoTrim: drop the newline after a tag, so templates can be laid out readably without blank lines in the output
  const eta = new Eta({ autoEscape: true, autoTrim: [false, 'nl'], cache: true, useWith: false, varName: 'it' });
  for (const [name, source] of theme.templates) {
    try {
      eta.loadTemplate(`@${name}`, source);
    } catch (error) {
      throw new Error(`Vorlage „templates/${name}.eta“ (${theme.origins.get(`templates/${name}.eta`) ?? '?'}) lässt sich nicht übersetzen: ${(error as Error).message}`, { cause: error });
    }
  }
  return {
    has: (name) => theme.templates.has(name),
    render(name, data) {
      if (!theme.templates.has(name)) throw new Error(`Vorlage „templates/${name}.eta“ fehlt; im Paket oder im Ordner templates/ neben dem Korpus anlegen`);
      return eta.render(`@${name}`, data);
    },
  };
}
