/**
 * Why a line was removed or repaired, in words: the German `description` of each normalisation
 * rule, read from normalise's own rule files (src/normalise/rules/*.json) so the explanation on
 * the article page is the one the rule's author wrote. Any object with a string `name` and
 * `description` counts as a rule; the walk does not depend on one file layout.
 */
import agencies from '../normalise/rules/agencies.json' with { type: 'json' };
import boilerplate from '../normalise/rules/boilerplate.json' with { type: 'json' };
import captions from '../normalise/rules/captions.json' with { type: 'json' };
import glue from '../normalise/rules/glue.json' with { type: 'json' };
import titles from '../normalise/rules/titles.json' with { type: 'json' };

function collect(node: unknown, out: Map<string, string>): void {
  if (Array.isArray(node)) {
    for (const item of node) collect(item, out);
  } else if (node !== null && typeof node === 'object') {
    const rec = node as Record<string, unknown>; // plain JSON object: reading keys is safe
    if (typeof rec.name === 'string' && typeof rec.description === 'string' && !out.has(rec.name)) out.set(rec.name, rec.description);
    for (const value of Object.values(rec)) collect(value, out);
  }
}

let cache: Map<string, string> | null = null;

export function ruleDescriptions(): ReadonlyMap<string, string> {
  if (cache === null) {
    cache = new Map();
    for (const data of [boilerplate, captions, glue, titles, agencies] as unknown[]) collect(data, cache);
  }
  return cache;
}
