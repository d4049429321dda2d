/**
 * The search in the browser. Bundled by esbuild into one classic script (assets/suche.js): under
 * file:// Chromium allows neither fetch nor modules nor workers, so the index arrives as scripts
 * that call `__presseschauSearch.load(id, data)`, inserted only once the reader searches.
 * Untrusted text reaches the page only through textContent — never innerHTML.
 */
import { createSearch, type Found } from './search-engine.ts';
import { renderResults } from './search-view.ts';

interface Registry {
  load(id: string, data: unknown): void;
}

declare global {
  interface Window {
    __presseschauSearch?: Registry;
  }
}

/** Hits per page; each page loads the document chunks of its hits only. */
const PAGE = 10;

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
  // A file that loads but registers nothing (truncated, or from another build) must not hang the search.
  script.onload = () => {
    if (loaded.has(id)) return;
    pending.delete(id);
    reject(new Error(`Suchindex ${file} enthält nicht „${id}“; Website neu bauen`));
  };
  document.head.append(script);
  return promise;
}

const search = createSearch(loadScript);

function start(): void {
  const form = document.getElementById('suche-form');
  const input = document.getElementById('suche-q');
  const status = document.getElementById('suche-status');
  const list = document.getElementById('suche-ergebnisse');
  if (!(form instanceof HTMLFormElement) || !(input instanceof HTMLInputElement) || !status || !list) return;
  let generation = 0;
  let shown = 0;
  let current: Found | undefined;

  const more = document.createElement('button');
  more.type = 'button';
  more.className = 'suche-mehr';
  more.textContent = 'Weitere Treffer anzeigen';
  more.hidden = true;
  list.after(more);

  async function showPage(gen: number): Promise<void> {
    if (!current) return;
    const next = current.results.slice(shown, shown + PAGE);
    const rows = await search.rows(next);
    if (gen !== generation) return;
    renderResults(list as HTMLElement, next, rows, shown === 0);
    shown += next.length;
    more.hidden = shown >= current.results.length;
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
      const found = await search.find(q);
      if (gen !== generation) return;
      current = found;
      shown = 0;
      const n = found.results.length;
      if (found.terms.length === 0) status!.textContent = `„${q}“ enthält nur Füllwörter; bitte genauer suchen.`;
      else if (n === 0) status!.textContent = `Keine Treffer für „${q}“.`;
      else if (found.partial) status!.textContent = `Kein Dokument enthält alle Wörter; ${n} Treffer für einzelne Wörter aus „${q}“.`;
      else status!.textContent = `${n} Treffer für „${q}“.`;
      list!.replaceChildren();
      more.hidden = true;
      if (n > 0) await showPage(gen);
    } catch (error) {
      if (gen !== generation) return;
      status!.textContent = `Die Suche ist gescheitert: ${error instanceof Error ? error.message : String(error)}`;
    }
  }

  more.addEventListener('click', () => void showPage(generation));
  input.addEventListener('focus', () => search.prefetch(), { once: true });
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
    // The layout's header field shows the query too, so both forms agree.
    const header = document.getElementById('suchfeld');
    if (header instanceof HTMLInputElement) header.value = q;
    void run(q);
  }
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
