/**
 * The built-in templates (templates/*.eta of the package), compiled by Eta when the CLI is
 * bundled: scripts/compile.mjs replaces this module in lib/cli.cjs with one entry per template —
 * its source text and the function Eta's `compileToString` makes of it, with the options of
 * eta-config.json. Compiled into the bundle, these functions come from the V8 code cache like
 * the rest of the CLI instead of being compiled again by `new Function` on every start.
 *
 * engine.ts uses an entry only when the theme's template is that very text (a corpus's own
 * templates/ folder may replace any of them). Empty when running from src/ (tests): then every
 * template is compiled at run time, which is what the bundle is checked against
 * (test/parallel/determinism.test.ts).
 */
import type { TemplateFunction } from 'eta';

export interface PrecompiledTemplate {
  source: string;
  render: TemplateFunction;
}

export const PRECOMPILED: ReadonlyMap<string, PrecompiledTemplate> = new Map();
