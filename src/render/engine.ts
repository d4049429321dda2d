/**
 * The template engine: Eta with auto-escaping on. Templates come from the Theme (read by
 * ingest); each is registered as `@name` so `include('@partials/article-list', …)` works the
 * same for built-in and overriding templates. `<%= %>` escapes, `<%~ %>` inserts HTML we built
 * ourselves (the article body from hast-util-to-html, the layout's page content).
 */
import { Eta, type EtaConfig } from 'eta';
import type { Theme } from '../model/theme.ts';
import etaConfig from './eta-config.json' with { type: 'json' };
import { PRECOMPILED, type PrecompiledTemplate } from './precompiled.ts';

export interface Engine {
  render(name: string, data: object): string;
  has(name: string): boolean;
}

/** `precompiled`: the bundle's built-in templates (precompiled.ts); a test may pass its own. */
export function createEngine(theme: Pick<Theme, 'templates' | 'origins'>, precompiled: ReadonlyMap<string, PrecompiledTemplate> = PRECOMPILED): Engine {
  // eta-config.json (shared with scripts/compile.mjs, which precompiles the built-in templates):
  // autoEscape on; autoTrim drops the newline after a tag, so templates can be laid out readably
  // without blank lines in the output.
  const eta = new Eta(etaConfig as Partial<EtaConfig>);
  for (const [name, source] of theme.templates) {
    const built = precompiled.get(name);
    if (built?.source === source) {
      eta.loadTemplate(`@${name}`, built.render);
      continue;
    }
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
