/**
 * Every link of a built site, read with a spec-compliant HTML parser (parse5), and the checks a
 * reader on file:// depends on: relative, naming a file (a folder link shows a directory listing),
 * the file exists, the #fragment exists in it, and no resource is loaded from elsewhere.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'parse5';

type Node = { nodeName: string; attrs?: { name: string; value: string }[]; childNodes?: Node[]; content?: Node };

export interface Link {
  from: string;
  tag: string;
  attr: string;
  value: string;
  /** A link a reader follows (a, area, form) rather than a resource the page loads. */
  navigation: boolean;
}

const URL_ATTRS: Readonly<Record<string, readonly string[]>> = {
  a: ['href'],
  area: ['href'],
  link: ['href'],
  script: ['src'],
  img: ['src'],
  source: ['src'],
  iframe: ['src'],
  form: ['action'],
  use: ['href'],
  image: ['href'],
};

function walk(node: Node, visit: (n: Node) => void): void {
  visit(node);
  for (const c of node.childNodes ?? []) walk(c, visit);
  if (node.content) walk(node.content, visit);
}

export function extract(html: string, from: string): { links: Link[]; ids: Set<string> } {
  const links: Link[] = [];
  const ids = new Set<string>();
  // parse5's tree is a plain object graph; the Node shape above is the part we read.
  walk(parse(html) as unknown as Node, (n) => {
    for (const a of n.attrs ?? []) {
      if (a.name === 'id' || (n.nodeName === 'a' && a.name === 'name')) ids.add(a.value);
      if ((URL_ATTRS[n.nodeName] ?? []).includes(a.name)) {
        links.push({ from, tag: n.nodeName, attr: a.name, value: a.value, navigation: ['a', 'area', 'form'].includes(n.nodeName) });
      }
      if (a.name === 'srcset') for (const part of a.value.split(',')) links.push({ from, tag: n.nodeName, attr: 'srcset', value: part.trim().split(/\s+/)[0] ?? '', navigation: false });
    }
  });
  return { links, ids };
}

export interface LinkReport {
  problems: string[];
  /** Page → internal pages it links to (for reachability). */
  graph: Map<string, Set<string>>;
  checked: number;
}

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

export async function checkLinks(dir: string, files: readonly string[]): Promise<LinkReport> {
  const fileSet = new Set(files);
  const pages = files.filter((f) => f.endsWith('.html'));
  const idsOf = new Map<string, Set<string>>();
  const linksOf = new Map<string, Link[]>();
  for (const p of pages) {
    const { links, ids } = extract(await readFile(path.join(dir, p), 'utf8'), p);
    idsOf.set(p, ids);
    linksOf.set(p, links);
  }
  const problems: string[] = [];
  const graph = new Map<string, Set<string>>();
  let checked = 0;
  for (const p of pages) {
    const out = new Set<string>();
    graph.set(p, out);
    for (const l of linksOf.get(p) ?? []) {
      checked += 1;
      const where = `${p}: <${l.tag} ${l.attr}="${l.value}">`;
      if (l.value === '') {
        problems.push(`${where} leer`);
        continue;
      }
      if (SCHEME.test(l.value)) {
        if (!l.navigation) problems.push(`${where} lädt eine Ressource von außerhalb der Website`);
        continue;
      }
      if (l.value.startsWith('/')) {
        problems.push(`${where} ist wurzelrelativ; unter file:// und in Unterpfaden kaputt`);
        continue;
      }
      const [beforeHash, fragment] = l.value.split('#', 2) as [string, string | undefined];
      const target = beforeHash.split('?')[0] ?? '';
      const resolved = target === '' ? p : path.posix.normalize(path.posix.join(path.posix.dirname(p), decodeURIComponent(target)));
      if (resolved.startsWith('..')) {
        problems.push(`${where} zeigt aus der Website hinaus`);
        continue;
      }
      if (target !== '' && (target.endsWith('/') || !/\.[a-z0-9]+$/i.test(target))) {
        problems.push(`${where} nennt keine Datei (Ordner-Link zeigt unter file:// eine Verzeichnisliste)`);
        continue;
      }
      if (!fileSet.has(resolved)) {
        problems.push(`${where} → ${resolved} existiert nicht`);
        continue;
      }
      if (fragment !== undefined && fragment !== '' && resolved.endsWith('.html') && !idsOf.get(resolved)?.has(decodeURIComponent(fragment))) {
        problems.push(`${where} → #${fragment} fehlt in ${resolved}`);
      }
      if (l.navigation && resolved.endsWith('.html')) out.add(resolved);
    }
  }
  return { problems, graph, checked };
}

/** Pages reachable from `start` by following links. */
export function reachable(graph: ReadonlyMap<string, ReadonlySet<string>>, start: string): Set<string> {
  const seen = new Set([start]);
  const queue = [start];
  for (let p = queue.shift(); p !== undefined; p = queue.shift()) {
    for (const q of graph.get(p) ?? []) {
      if (!seen.has(q)) {
        seen.add(q);
        queue.push(q);
      }
    }
  }
  return seen;
}
