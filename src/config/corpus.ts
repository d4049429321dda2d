/**
 * Load and validate `corpus.yml` (site settings, entities, events, overrides).
 * Errors name file, line, what was expected and what to do — then the build stops,
 * because wrong knowledge would silently mislabel every article.
 */
import { load as loadYaml, CORE_SCHEMA } from 'js-yaml';
import { createRequire } from 'node:module';
import type { Node } from 'yaml';
import { diag, type Diagnostic } from '../model/diagnostic.ts';
import { EntitySchema, EventSchema, KnowledgeSchema, OverrideSchema, SiteSettingsSchema, type Knowledge } from '../model/knowledge.ts';

export const CORPUS_FILE = 'corpus.yml';

export const DEFAULT_KNOWLEDGE: Knowledge = {
  site: { title: 'Presseschau', description: '', language: 'de' },
  entities: [],
  events: [],
  overrides: {},
};

export type KnowledgeResult = { ok: true; knowledge: Knowledge; diagnostics: Diagnostic[] } | { ok: false; diagnostics: Diagnostic[] };

type YamlModule = typeof import('yaml');
let yamlModule: YamlModule | undefined;
/**
 * `yaml` (document model with source ranges) is what locates an error on its line; it costs ~25 ms
 * to load and ~100 ms to parse corpus.yml cold, so it is loaded only when there is something to
 * report. Its "node" export is CommonJS, so require() gets the very module `import` would.
 */
function fullYaml(): YamlModule {
  yamlModule ??= createRequire(import.meta.url)('yaml') as YamlModule; // require() is untyped; this is the module import('yaml') describes
  return yamlModule;
}

/**
 * corpus.yml is read twice only when it is wrong. The fast path (js-yaml, YAML 1.2 core schema,
 * ~10× faster cold) takes a file that parses, passes the schema and the cross-checks; anything
 * else — a YAML error, a schema issue, a cross-check finding — goes to the located path below,
 * which produces the diagnostics with file:line. Both read YAML 1.2 core: where they could differ
 * (number or boolean spellings), the schema wants strings, so a difference fails the fast path
 * and the located path decides (test/enrich/knowledge-load.test.ts compares both).
 */
export function parseKnowledge(source: string, file = CORPUS_FILE): KnowledgeResult {
  const fast = parseFast(source, file);
  if (fast !== undefined) return { ok: true, knowledge: fast, diagnostics: [] };
  return parseLocated(source, file);
}

/**
 * Anchors and aliases (& and *) go to the located path: js-yaml shares aliased nodes, and a
 * "billion laughs" file would then make the schema walk an exponential tree; `yaml` caps aliases.
 */
const MAY_ALIAS = /[&*]/;

function parseFast(source: string, file: string): Knowledge | undefined {
  if (MAY_ALIAS.test(source)) return undefined;
  let data: unknown;
  try {
    data = loadYaml(source, { schema: CORE_SCHEMA }) ?? {};
  } catch {
    return undefined;
  }
  const parsed = KnowledgeSchema.safeParse(data);
  if (!parsed.success) return undefined;
  return crossCheck(parsed.data, null, () => ({}), file).length === 0 ? parsed.data : undefined;
}

/** The located path: `yaml`'s document model, so every diagnostic names its line and column. */
export function parseLocated(source: string, file = CORPUS_FILE): KnowledgeResult {
  const { LineCounter, parseDocument, isMap, isScalar } = fullYaml();
  const lines = new LineCounter();
  const doc = parseDocument(source, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number | undefined) => {
    if (offset === undefined) return {};
    const p = lines.linePos(offset);
    return { line: p.line, column: p.col };
  };
  if (doc.errors.length > 0) {
    return {
      ok: false,
      diagnostics: doc.errors.map((e) =>
        diag(file, 'error', 'config', 'corpus-yaml', `Kein gültiges YAML: ${e.message.split('\n')[0]}`, { ...at(e.pos[0]), hint: 'Einrückung und Doppelpunkte prüfen' }),
      ),
    };
  }
  let data: unknown;
  try {
    data = doc.toJS() ?? {};
  } catch (error) {
    // `yaml` refuses to expand an alias bomb ("Excessive alias count"): a located error, not a crash.
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, diagnostics: [diag(file, 'error', 'config', 'corpus-yaml', `Kein gültiges YAML: ${message}`, { hint: 'Anker (&) und Verweise (*) sparsam verwenden' })] };
  }
  const parsed = KnowledgeSchema.safeParse(data);
  const diagnostics: Diagnostic[] = [];
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const node = nodeAt(doc.contents, issue.path);
      const where = describePath(data, issue.path);
      let message = `${where}: ${issue.message}`;
      let hint = `Wert korrigieren (Referenz: ${DOCS})`;
      if (issue.code === 'invalid_value') {
        message = `${where}: erwartet ${issue.values.map((v) => `„${String(v)}“`).join(' oder ')}, gefunden „${String(valueAt(data, issue.path))}“`;
      }
      if (issue.code === 'unrecognized_keys') {
        const allowed = allowedKeys(issue.path);
        message = `${where}: unbekannter Schlüssel ${issue.keys.map((k) => `„${k}“`).join(', ')}`;
        const guess = issue.keys.map((k) => closest(k, allowed)).find((g) => g !== undefined);
        hint = `${guess ? `Meinten Sie „${guess}“? ` : 'Tippfehler? '}Erlaubt: ${allowed.join(', ')} (Referenz: ${DOCS})`;
        const keyNode = isMap(node) ? node.items.find((p) => isScalar(p.key) && issue.keys.includes(String(p.key.value)))?.key : undefined;
        diagnostics.push(diag(file, 'error', 'config', 'corpus-schema', message, { ...at((keyNode as Node | undefined)?.range?.[0] ?? node?.range?.[0]), hint }));
        continue;
      }
      diagnostics.push(diag(file, 'error', 'config', 'corpus-schema', message, { ...at(node?.range?.[0]), hint }));
    }
    return { ok: false, diagnostics };
  }
  const knowledge = parsed.data;
  diagnostics.push(...crossCheck(knowledge, doc.contents, at, file));
  if (diagnostics.some((d) => d.severity === 'error')) return { ok: false, diagnostics };
  return { ok: true, knowledge, diagnostics };
}

const DOCS = 'docs/knowledge.md';

/** `entities[3] „putin“.roleAliases[0].from`: index and id, so an editor finds the entry. */
function describePath(data: unknown, p: readonly PropertyKey[]): string {
  if (p.length === 0) return '(Wurzel)';
  let out = '';
  let cur: unknown = data;
  for (const key of p) {
    cur = typeof cur === 'object' && cur !== null ? (cur as Record<PropertyKey, unknown>)[key] : undefined; // walking parsed YAML
    if (typeof key === 'number') {
      const id = typeof cur === 'object' && cur !== null ? (cur as { id?: unknown }).id : undefined; // entries may carry an id
      out += `[${key}]${typeof id === 'string' ? ` „${id}“` : ''}`;
    } else out += `${out ? '.' : ''}${String(key)}`;
  }
  return out;
}

function valueAt(data: unknown, p: readonly PropertyKey[]): unknown {
  let cur = data;
  for (const key of p) cur = typeof cur === 'object' && cur !== null ? (cur as Record<PropertyKey, unknown>)[key] : undefined; // walking parsed YAML
  return cur;
}

/** The keys allowed where an unknown key was found (from the schemas, so they never drift). */
function allowedKeys(p: readonly PropertyKey[]): string[] {
  const keys = (o: { shape: object }) => Object.keys(o.shape);
  const [top, , sub] = p;
  if (p.length === 0) return keys(KnowledgeSchema);
  if (top === 'site') return keys(SiteSettingsSchema);
  if (top === 'entities') return sub === 'roleAliases' ? ['text', 'from', 'to'] : keys(EntitySchema);
  if (top === 'events') return keys(EventSchema);
  if (top === 'overrides') return keys(OverrideSchema);
  return [];
}

/** The allowed key within two edits of a typo ("aliasses" → "aliases"), if any. */
function closest(word: string, candidates: string[]): string | undefined {
  let best: string | undefined;
  let bestD = 3;
  for (const c of candidates) {
    const d = editDistance(word.toLowerCase(), c.toLowerCase());
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[b.length] ?? 0;
}

/** Duplicate ids, dangling references and inverted date ranges: what a schema cannot see. */
function crossCheck(k: Knowledge, root: Node | null, at: (o: number | undefined) => { line?: number; column?: number }, file: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seen = new Map<string, string>();
  const ids = new Set<string>();
  const check = (kind: 'entities' | 'events', list: { id: string }[]) => {
    list.forEach((item, i) => {
      const where = at(nodeAt(root, [kind, i, 'id'])?.range?.[0]);
      const prior = seen.get(item.id);
      if (prior !== undefined) {
        out.push(diag(file, 'error', 'config', 'duplicate-id', `${kind}[${i}]: id „${item.id}“ ist doppelt (schon bei ${prior})`, { ...where, hint: 'jede id nur einmal vergeben; Schreibvarianten gehören in aliases' }));
      } else seen.set(item.id, `${kind}[${i}]`);
      ids.add(item.id);
    });
  };
  check('entities', k.entities);
  check('events', k.events);
  const entityIds = new Set(k.entities.map((e) => e.id));
  k.events.forEach((ev, i) => {
    if (ev.end < ev.start) {
      out.push(diag(file, 'error', 'config', 'date-range', `events[${i}] „${ev.id}“: Ende ${ev.end} liegt vor Beginn ${ev.start}`, { ...at(nodeAt(root, ['events', i, 'end'])?.range?.[0]), hint: 'start und end prüfen' }));
    }
    if (!isRealDate(ev.start) || !isRealDate(ev.end)) {
      out.push(diag(file, 'error', 'config', 'bad-date', `events[${i}] „${ev.id}“: kein gültiges Kalenderdatum`, { ...at(nodeAt(root, ['events', i, 'start'])?.range?.[0]), hint: 'Datum als JJJJ-MM-TT angeben' }));
    }
    for (const [j, ref] of [ev.place, ...ev.participants].entries()) {
      if (!entityIds.has(ref)) {
        const p = j === 0 ? ['events', i, 'place'] : ['events', i, 'participants', j - 1];
        out.push(diag(file, 'error', 'config', 'unknown-ref', `events[${i}] „${ev.id}“: unbekannte Entität „${ref}“`, { ...at(nodeAt(root, p)?.range?.[0]), hint: 'Entität unter entities anlegen oder id korrigieren' }));
      }
    }
  });
  for (const [key, o] of Object.entries(k.overrides)) {
    if (o.date !== undefined && !isRealDate(o.date)) {
      out.push(diag(file, 'error', 'config', 'bad-date', `overrides „${key}“: ${o.date} ist kein gültiges Datum`, { ...at(nodeAt(root, ['overrides', key, 'date'])?.range?.[0]), hint: 'Datum als JJJJ-MM-TT angeben' }));
    }
  }
  return out;
}

export function isRealDate(iso: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

function nodeAt(root: Node | null | undefined, p: readonly PropertyKey[]): Node | undefined {
  if (!root) return undefined;
  const { isMap, isScalar, isSeq } = fullYaml();
  let node: unknown = root;
  for (const key of p) {
    if (isMap(node)) {
      node = node.items.find((pair) => isScalar(pair.key) && String(pair.key.value) === String(key))?.value;
    } else if (isSeq(node) && typeof key === 'number') {
      node = node.items[key];
    } else return node as Node | undefined;
  }
  return (node ?? undefined) as Node | undefined;
}

