/**
 * The normaliser's rule and vocabulary data, validated and compiled once at module load.
 * The data lives in ./rules/*.json (imported statically, so esbuild bundles it into lib/ and
 * no path has to be resolved at run time); a malformed file fails loudly here, naming the file
 * and the field, instead of silently matching nothing.
 */
import * as z from 'zod';
import agenciesJson from './rules/agencies.json' with { type: 'json' };
import boilerplateJson from './rules/boilerplate.json' with { type: 'json' };
import captionsJson from './rules/captions.json' with { type: 'json' };
import glueJson from './rules/glue.json' with { type: 'json' };
import titlesJson from './rules/titles.json' with { type: 'json' };
import { requiredLiteral } from './literal.ts';

const words = z.array(z.string().min(1));

const AgenciesSchema = z.object({
  agencies: z.array(z.strictObject({ name: z.string().min(1), aliases: words.min(1) })).min(1),
});

const RuleSchema = z.strictObject({
  name: z.string().regex(/^[a-z]+(?:-[a-z]+)*$/, 'kebab-case rule name'),
  scope: z.enum(['line', 'paragraph']),
  description: z.string().min(1),
  maxLength: z.number().int().positive().max(2000),
  patterns: words.min(1),
  caseSensitive: z.boolean().optional(),
  evidence: z.boolean().optional(),
  credits: z.boolean().optional(),
  followingShortLines: z.number().int().min(0).max(10).optional(),
});

const BoilerplateSchema = z.object({
  vocabulary: z.record(z.string().regex(/^[A-Z]+$/), words),
  rules: z.array(RuleSchema).min(1),
});

const CaptionsSchema = z.object({
  markers: words.min(1),
  allowedLowercase: words,
  maxCreditLength: z.number().int().positive(),
  maxCaptionLength: z.number().int().positive(),
});

const GlueSchema = z.object({
  safeSuffixes: words.min(1),
  shortSuffixNeedsEvidence: z.number().int().min(0),
  capitalisedFunctionWords: words,
  camelCaseTokens: words,
  camelCasePrefixes: words,
  neverSplitSuffixes: words,
});

const TitlesSchema = z.object({
  publisherSeparators: words.min(1),
  maxSuffixLength: z.number().int().positive(),
  maxSuffixWords: z.number().int().positive(),
  publisherMarkers: words,
  maxTitleLength: z.number().int().positive(),
  maxInferredLength: z.number().int().min(20),
  inferredSlack: z.number().int().min(0),
  subordinators: words,
  trailingStopWords: words,
  timeAdverbials: words,
  roleNouns: words.min(1),
});

function load<T>(file: string, schema: z.ZodType<T>, data: unknown): T {
  const r = schema.safeParse(data);
  if (!r.success) {
    const issue = r.error.issues[0];
    throw new Error(`src/normalise/rules/${file}: ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`);
  }
  return r.data;
}

export const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** Alternation of whole-word aliases, longest first so "Associated Press" wins over "AP". */
function alternation(list: readonly string[]): string {
  const sorted = [...new Set(list)].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  return `(?:${sorted.map(escapeRegExp).join('|')})`;
}

const agencies = load('agencies.json', AgenciesSchema, agenciesJson).agencies;
const aliasToAgency = new Map<string, string>();
for (const a of agencies) for (const alias of a.aliases) aliasToAgency.set(alias, a.name);

/** `(?<![\p{L}\d-])(?:…)(?![\p{L}\d-])`: an agency alias as a whole word. */
export const AGENCY_SOURCE = `(?<![\\p{L}\\d-])${alternation([...aliasToAgency.keys()])}(?![\\p{L}\\d-])`;
const agencyGlobal = new RegExp(AGENCY_SOURCE, 'gu');

/** Canonical agency names found in a text, in order of appearance. */
export function findAgencies(text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(agencyGlobal)) {
    const name = aliasToAgency.get(m[0]);
    if (name !== undefined) found.push(name);
  }
  return found;
}

export function agencyName(alias: string): string | undefined {
  return aliasToAgency.get(alias.trim());
}

export interface CompiledRule {
  name: string;
  scope: 'line' | 'paragraph';
  description: string;
  maxLength: number;
  patterns: RegExp[];
  /**
   * Per pattern, a literal every match contains, as a regex with the pattern's flags (so the same
   * case folding), or undefined: a text without the literal is not tested (see literal.ts).
   */
  literals: (RegExp | undefined)[];
  evidence: boolean;
  credits: boolean;
  followingShortLines: number;
}

const boilerplate = load('boilerplate.json', BoilerplateSchema, boilerplateJson);

function expand(pattern: string, rule: string): string {
  // `\p{L}` is a Unicode property, not a placeholder.
  return pattern.replace(/(?<!\\[pP])\{([A-Z]+)\}/g, (_m, key: string) => {
    if (key === 'AGENCY') return AGENCY_SOURCE;
    const list = boilerplate.vocabulary[key];
    if (!list) throw new Error(`src/normalise/rules/boilerplate.json: rule ${rule}: unknown placeholder {${key}}`);
    return alternation(list);
  });
}

function compileRules(): CompiledRule[] {
  const seen = new Set<string>();
  return boilerplate.rules.map((r) => {
    if (seen.has(r.name)) throw new Error(`src/normalise/rules/boilerplate.json: duplicate rule name ${r.name}`);
    seen.add(r.name);
    const patterns = r.patterns.map((p) => {
      try {
        return new RegExp(expand(p, r.name), r.caseSensitive ? 'u' : 'iu');
      } catch (error) {
        throw new Error(`src/normalise/rules/boilerplate.json: rule ${r.name}: bad pattern ${p}: ${(error as Error).message}`);
      }
    });
    const literals = patterns.map((p) => {
      const literal = requiredLiteral(p.source);
      return literal === undefined ? undefined : new RegExp(escapeRegExp(literal), p.flags);
    });
    return {
      name: r.name, scope: r.scope, description: r.description, maxLength: r.maxLength, patterns, literals,
      evidence: r.evidence === true, credits: r.credits === true, followingShortLines: r.followingShortLines ?? 0,
    };
  });
}

export const RULES: readonly CompiledRule[] = compileRules();
export const LINE_RULES = RULES.filter((r) => r.scope === 'line');
export const PARAGRAPH_RULES = RULES.filter((r) => r.scope === 'paragraph');

const captions = load('captions.json', CaptionsSchema, captionsJson);
export const CAPTIONS = {
  markers: captions.markers.map((m) => new RegExp(m, 'u')),
  allowedLowercase: new Set(captions.allowedLowercase),
  maxCreditLength: captions.maxCreditLength,
  maxCaptionLength: captions.maxCaptionLength,
};

const glue = load('glue.json', GlueSchema, glueJson);
export const GLUE = {
  safeSuffixes: [...glue.safeSuffixes].sort((a, b) => b.length - a.length),
  shortSuffixNeedsEvidence: glue.shortSuffixNeedsEvidence,
  functionWords: new Set(glue.capitalisedFunctionWords),
  camelCaseTokens: new Set(glue.camelCaseTokens),
  camelCasePrefixes: new Set(glue.camelCasePrefixes),
  neverSplitSuffixes: new Set(glue.neverSplitSuffixes),
};

const titles = load('titles.json', TitlesSchema, titlesJson);
export const TITLES = {
  ...titles,
  publisherMarkers: new Set(titles.publisherMarkers.map((m) => m.toLowerCase())),
  subordinators: new Set(titles.subordinators),
  trailingStopWords: new Set(titles.trailingStopWords),
};
