/**
 * Issue 5 "hostile content": a corpus of injection attempts, built to disk, then every output
 * file is checked with a real HTML parser (parse5, the WHATWG algorithm browsers use): no
 * executable markup in any page, feed or JSON-LD block, and nothing written outside the output.
 */
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type BuildResult } from '../../src/build.ts';
import { tempDir } from './corpus.ts';
import { treeHash } from '../write/tree.ts';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

const EVIL = '<x-evil>';
const HOSTILE: Record<string, string> = {
  'script.txt': `Skript im Text <script>alert(1)</script>\n\nAbsatz mit ${EVIL} und <script src="//evil.example/x.js"></script>.\n`,
  'attr-breakout.txt': `"><img src=x onerror=alert(1)> Titel\n\nText "><svg onload=alert(1)> und '><iframe src=javascript:alert(1)>.\n`,
  'entities.txt': 'Maskiert &lt;script&gt;alert(1)&lt;/script&gt; Titel\n\nText &lt;img src=x onerror=alert(1)&gt; und &amp;lt;b&amp;gt;.\n',
  'title-close.txt': `</title><script>alert(1)</script>${EVIL}\n\nText.\n`,
  'comment.md': `Kommentar\n\n<!-- versteckt --><script>alert(1)</script>\n\nText <!-- x --> ${EVIL}\n`,
  'links.md': [
    'Links',
    '',
    '[klick](javascript:alert(1)) und [zwei](JaVaScRiPt:alert(1)) und [drei]( \tjavascript:alert(1)) und <javascript:alert(1)>',
    '',
    '![bild](javascript:alert(1)) [daten](data:text/html,<script>alert(1)</script>) [vb](vbscript:msgbox(1))',
    '',
    '<div onclick="alert(1)">roh</div>',
    '',
    '<iframe src="https://evil.example"></iframe><object data="x"></object><base href="https://evil.example/">',
    '',
  ].join('\n'),
  'front-matter.md': [
    '---',
    'title: "</script><script>alert(1)</script>\\"><img src=x onerror=alert(1)>"',
    'publisher: "<img src=x onerror=alert(1)>"',
    'slug: ../../etc/passwd',
    'date: 2024-06-19',
    'url: javascript:alert(1)',
    '---',
    'Text mit gefährlichem Front Matter.',
    '',
  ].join('\n'),
  'absolute-slug.md': '---\ntitle: Absolut\nslug: /etc/passwd\n---\nText.\n',
  'jsonld.txt': 'JSON-LD </script><!-- <script> \u2028 Ausbruch\n\nText.\n',
};

let work: string;
let seeds: string;
let out: string;
let result: BuildResult;
let seedsHash: string;

beforeAll(async () => {
  work = tempDir('hostile');
  seeds = path.join(work, 'seeds');
  out = path.join(work, 'site', 'dist');
  mkdirSync(seeds);
  for (const [name, text] of Object.entries(HOSTILE)) writeFileSync(path.join(seeds, name), text);
  seedsHash = treeHash(seeds);
  result = await build({ seedsDir: seeds, outDir: out });
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => statSync(path.join(dir, f)).isFile())
    .sort();
}

function* elements(node: Node): Generator<Element> {
  if ('tagName' in node) yield node;
  const kids = 'childNodes' in node ? node.childNodes : [];
  for (const k of kids) yield* elements(k);
  if ('content' in node && node.content) yield* elements(node.content as Node); // <template> content
}

function comments(node: Node): string[] {
  const own = node.nodeName === '#comment' && 'data' in node ? [String(node.data)] : [];
  const kids = 'childNodes' in node ? node.childNodes : [];
  return [...own, ...kids.flatMap((k) => comments(k))];
}

const textOf = (el: Element) => el.childNodes.map((c) => ('value' in c ? c.value : '')).join('');
const URL_ATTRS = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'poster', 'data', 'srcset', 'background']);
const BAD_SCHEME = /^(?:javascript|vbscript|data):/i;
// Browsers strip ASCII whitespace and control characters inside a scheme before parsing it.
const schemeOf = (v: string) => v.replace(/[\u0000-\u0020]/g, '');

describe('hostile corpus', () => {
  it('builds, with every hostile file as an article', () => {
    expect(result.ok).toBe(true);
    expect(result.records.length).toBe(Object.keys(HOSTILE).length);
  });

  it('writes nothing outside the output folder and never touches the seeds', () => {
    // build.ts keeps a documented build cache beside the output (`.presseschau-cache/<out name>`); nothing else may appear.
    expect(readdirSync(path.join(work, 'site')).filter((n) => n !== '.presseschau-cache')).toEqual(['dist']);
    expect(readdirSync(work).sort()).toEqual(['seeds', 'site']);
    expect(treeHash(seeds)).toBe(seedsHash);
    for (const r of result.records) {
      expect(r.path).toMatch(/^artikel\/[a-z0-9-]+\.html$/);
      // A declared slug `../../etc/passwd` may legitimately become `etc-passwd`: a name, not a path.
      expect(r.slug).not.toMatch(/[./\\]/);
    }
  });

  it('no HTML page carries executable markup (parsed with parse5)', () => {
    const pages = files(out).filter((f) => f.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(Object.keys(HOSTILE).length);
    const problems: string[] = [];
    for (const f of pages) {
      const doc = parse(readFileSync(path.join(out, f), 'utf8'));
      let csp = false;
      for (const el of elements(doc as unknown as Node)) {
        const attrs = new Map(el.attrs.map((a) => [a.name.toLowerCase(), a.value]));
        if (el.tagName === 'x-evil') problems.push(`${f}: raw <x-evil> from input became an element`);
        if (['iframe', 'object', 'embed', 'base', 'frame'].includes(el.tagName)) problems.push(`${f}: <${el.tagName}>`);
        if (el.tagName === 'script') {
          const type = (attrs.get('type') ?? '').toLowerCase();
          if (type === 'application/ld+json') {
            const json = textOf(el);
            if (json.includes('<')) problems.push(`${f}: JSON-LD contains a raw "<"`);
            try {
              JSON.parse(json);
            } catch {
              problems.push(`${f}: JSON-LD is not valid JSON`);
            }
          } else if (!attrs.has('src') || textOf(el).trim() !== '') problems.push(`${f}: inline <script> (type ${type || 'none'})`);
          else if (!/^(?:\.{0,2}\/)*[\w./-]+\.js(?:\?[\w=.-]*)?$/.test(attrs.get('src') ?? '')) problems.push(`${f}: foreign script src ${attrs.get('src')}`);
        }
        for (const [name, value] of attrs) {
          if (name.startsWith('on')) problems.push(`${f}: <${el.tagName} ${name}>`);
          if (URL_ATTRS.has(name) && BAD_SCHEME.test(schemeOf(value)) && !(el.tagName === 'img' && /^data:image\//i.test(value))) {
            problems.push(`${f}: <${el.tagName} ${name}="${value.slice(0, 40)}">`);
          }
        }
        if (el.tagName === 'meta' && (attrs.get('http-equiv') ?? '').toLowerCase() === 'content-security-policy') {
          const policy = attrs.get('content') ?? '';
          const scriptSrc = /script-src([^;]*)/.exec(policy)?.[1] ?? /default-src([^;]*)/.exec(policy)?.[1] ?? "'unsafe-inline'";
          csp = !/'unsafe-inline'|'unsafe-eval'|\*/.test(scriptSrc);
        }
      }
      if (comments(doc as unknown as Node).some((c) => c.includes('versteckt'))) problems.push(`${f}: HTML comment from the input passed through`);
      if (!csp) problems.push(`${f}: no Content-Security-Policy meta forbidding inline script`);
    }
    expect(problems).toEqual([]);
  });

  it('feeds and other text outputs carry no raw markup from the input', () => {
    const others = files(out).filter((f) => !f.endsWith('.html'));
    const problems: string[] = [];
    for (const f of others) {
      const text = readFileSync(path.join(out, f), 'utf8');
      if (/\.(xml|rss|atom)$/.test(f)) {
        // Feed readers render HTML content: neither raw nor CDATA-wrapped markup may survive.
        if (/<(script|img|iframe|svg|x-evil)\b/i.test(text)) problems.push(`${f}: raw markup`);
        if (/<!\[CDATA\[[^]*?<(script|img|iframe|svg)/i.test(text)) problems.push(`${f}: markup in CDATA`);
        if (/(href|src)\s*=\s*["']?\s*javascript:/i.test(text)) problems.push(`${f}: javascript: URL`);
      } else if (f.endsWith('.json')) {
        expect(() => JSON.parse(text), f).not.toThrow();
      } else if (f.endsWith('.js')) {
        // Search shards are classic scripts: data inside them must not be able to close a <script>.
        if (/<\/script/i.test(text)) problems.push(`${f}: "</script" inside a script file`);
      }
    }
    expect(problems).toEqual([]);
  });
});
