/**
 * The search in the browser. Bundled by esbuild into one classic script (assets/suche.js): under
 * file:// Chromium allows neither fetch nor modules nor workers, so the index arrives as scripts
 * that call `__presseschauSearch.load(id, data)`, inserted only once the reader searches.
 * Untrusted text reaches the page only through textContent — never innerHTML.
 */
import MiniSearch, { type SearchResult } from 'minisearch';
import type { SearchMeta } from '../../index/search.ts';
import { indexTerms, queryTerm, shardFileKey, shardOf, shardsFor, tokenize, words } from '../../index/search-text.ts';
import { renderResults, type DocRow } from './search-view.ts';

type Entry = [string, Record<string, Record<string, number>>];

interface Registry {
  load(id: string, data: unknown): void;
}

declare global {
  interface Window {
    __presseschauSearch?: Registry;
  }
}

/** Shorter query terms match exactly; from this length on also as prefix ("Gipfel" → "Gipfeltreffen"). */
const PREFIX_FROM = 3;
const PAGE = 20;

// The folder of this script is the site's assets/ folder; the index lies next to it. Taken from
// the script's own URL so it works from file:// and under any sub-path.
const scriptSrc = document.currentScript instanceof HTMLScriptElement ? document.currentScript.src : '';
const base = new URL('../suche/', scriptSrc || document.baseURI);

const pending = new Map<string, { resolve: (data: unknown) => void; promise: Promise<unknown> }>();
const loaded = new Map<string, unknown>();

window.__presseschauSearch = {
  load(id, data) {
    loaded.set(id, data);
    pending.get(id)?.resolve(data);
  },
};

function loadScript(id: string, file: string): Promise<unknown> {
  if (loaded.has(id)) return Promise.resolve(loaded.get(id));
  const known = pending.get(id);
  if (known) return known.promise;
  let resolve: (data: unknown) => void = () => undefined;
  let reject: (error: Error) => void = () => undefined;
  const promise = new Promise<unknown>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  pending.set(id, { resolve, promise });
  const script = document.createElement('script');
  script.src = new URL(file, base).href;
  script.async = true;
  script.onerror = () => {
    pending.delete(id);
    reject(new Error(`Suchindex ${file} nicht ladbar`));
  };
  document.head.append(script);
  return promise;
}

// The loaded data is what src/index/search.ts wrote; the casts below name that contract.
const loadMeta = () => loadScript('index', 'index.js') as Promise<SearchMeta>;
const loadShard = (key: string) => loadScript(`t-${key}`, `t-${shardFileKey(key)}.js`) as Promise<Entry[]>;
const loadChunk = (n: number) => loadScript(`d-${n}`, `d-${n}.js`) as Promise<DocRow[]>;

let engine: { keys: string; mini: MiniSearch } | undefined;

function buildEngine(meta: SearchMeta, shardKeys: string[], shards: Entry[][]): MiniSearch {
  const key = shardKeys.join('\n');
  if (engine && engine.keys === key) return engine.mini;
  const documentIds: Record<string, number> = {};
  const fieldLength: Record<string, number[]> = {};
  meta.lengths.forEach((l, i) => {
    documentIds[i] = i;
    fieldLength[i] = l;
  });
  const mini = MiniSearch.loadJS(
    {
      documentCount: meta.count,
      nextId: meta.count,
      documentIds,
      fieldIds: meta.fields,
      fieldLength,
      averageFieldLength: meta.avg,
      storedFields: {},
      dirtCount: 0,
      index: shards.flat(),
      serializationVersion: 2,
    },
    { fields: Object.keys(meta.fields), idField: 'id', tokenize: words, processTerm: (t) => indexTerms(t) },
  );
  engine = { keys: key, mini };
  return mini;
}

export interface Found {
  results: SearchResult[];
  /** True when no document had every word and the list shows documents with some of them. */
  partial: boolean;
  terms: string[];
}

export async function find(query: string): Promise<Found> {
  const terms = tokenize(query)
    .map((t) => queryTerm(t.word))
    .filter((t): t is string => t !== null);
  if (terms.length === 0) return { results: [], partial: false, terms };
  const meta = await loadMeta();
  const needed = new Set<string>();
  for (const t of terms) {
    const keys = t.length >= PREFIX_FROM ? shardsFor(t, meta.shards) : [shardOf(t, meta.shards)];
    for (const k of keys) if (k !== undefined) needed.add(k);
  }
  const keys = [...needed].sort();
  const shards = await Promise.all(keys.map(loadShard));
  const mini = buildEngine(meta, keys, shards);
  const options = {
    tokenize: words,
    processTerm: (t: string) => queryTerm(t) ?? undefined,
    prefix: (t: string) => t.length >= PREFIX_FROM,
    // Typos in longer words only; fuzzy matches see only the shards loaded for the query.
    fuzzy: (t: string) => (t.length >= 6 ? 0.2 : false),
    boost: { title: 3, entities: 2 },
  };
  const all = mini.search(query, { ...options, combineWith: 'AND' });
  if (all.length > 0 || terms.length === 1) return { results: all, partial: false, terms };
  return { results: mini.search(query, { ...options, combineWith: 'OR' }), partial: true, terms };
}

async function rowsFor(results: SearchResult[], chunk: number): Promise<DocRow[]> {
  const chunks = [...new Set(results.map((r) => Math.floor(Number(r.id) / chunk)))];
  const data = await Promise.all(chunks.map(loadChunk));
  const byChunk = new Map(chunks.map((c, i) => [c, data[i] ?? []]));
  return results.map((r) => {
    const id = Number(r.id);
    const row = byChunk.get(Math.floor(id / chunk))?.[id % chunk];
    if (!row) throw new Error(`Suchindex: Dokument ${id} fehlt`);
    return row;
  });
}

function start(): void {
  const form = document.getElementById('suche-form');
  const input = document.getElementById('suche-q');
  const status = document.getElementById('suche-status');
  const list = document.getElementById('suche-ergebnisse');
  if (!(form instanceof HTMLFormElement) || !(input instanceof HTMLInputElement) || !status || !list) return;
  let generation = 0;
  let shown = 0;
  let current: { found: Found; rows: DocRow[]; query: string } | undefined;

  const more = document.createElement('button');
  more.type = 'button';
  more.className = 'suche-mehr';
  more.textContent = 'Weitere Treffer anzeigen';
  more.hidden = true;
  list.after(more);

  async function showPage(gen: number): Promise<void> {
    if (!current) return;
    const meta = await loadMeta();
    const next = current.found.results.slice(shown, shown + PAGE);
    const rows = await rowsFor(next, meta.chunk);
    if (gen !== generation) return;
    renderResults(list as HTMLElement, next, rows, shown === 0);
    shown += next.length;
    more.hidden = shown >= current.found.results.length;
  }

  async function run(query: string): Promise<void> {
    const gen = ++generation;
    const q = query.trim();
    if (q === '') {
      list!.replaceChildren();
      status!.textContent = '';
      more.hidden = true;
      return;
    }
    status!.textContent = 'Suche läuft …';
    try {
      const found = await find(q);
      if (gen !== generation) return;
      current = { found, rows: [], query: q };
      shown = 0;
      const n = found.results.length;
      if (found.terms.length === 0) status!.textContent = `„${q}“ enthält nur Füllwörter; bitte genauer suchen.`;
      else if (n === 0) status!.textContent = `Keine Treffer für „${q}“.`;
      else if (found.partial) status!.textContent = `Kein Dokument enthält alle Wörter; ${n} Treffer für einzelne Wörter aus „${q}“.`;
      else status!.textContent = `${n} ${n === 1 ? 'Treffer' : 'Treffer'} für „${q}“.`;
      list!.replaceChildren();
      more.hidden = true;
      if (n > 0) await showPage(gen);
    } catch (error) {
      if (gen !== generation) return;
      status!.textContent = `Die Suche ist gescheitert: ${error instanceof Error ? error.message : String(error)}`;
    }
  }

  more.addEventListener('click', () => void showPage(generation));
  let timer: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => void run(input.value), 150);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(timer);
    void run(input.value);
    try {
      const url = new URL(location.href);
      url.searchParams.set('q', input.value);
      history.replaceState(null, '', url.href);
    } catch {
      // file:// may refuse replaceState in some browsers; the search itself already ran.
    }
  });
  const q = new URLSearchParams(location.search).get('q');
  if (q) {
    input.value = q;
    void run(q);
  }
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
