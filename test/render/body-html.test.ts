/**
 * The direct body serializer (src/render/body/html.ts) on examples: the real seeds through the
 * in-memory build (every article, both paths and the pipeline before them), the bytes of
 * hast-util-to-html's escaping and layout written out, and the trees it must hand to the libraries.
 * The generated cases are in body-html.property.test.ts.
 */
import path from 'node:path';
import type { Root } from 'mdast';
import { beforeAll, describe, expect, it } from 'vitest';
import { build, type BuildResult } from '../../src/build.ts';
import type { Block } from '../../src/model/article.ts';
import { mdastToHtml } from '../../src/render/body/html.ts';
import { bodyTree, libraryHtml, renderBody, renderBodyWithLibraries } from '../../src/render/body/index.ts';
import { relHref } from '../../src/render/paths.ts';
import type { EnrichedArticle } from '../../src/model/enriched.ts';
import { article } from './body-arbitraries.ts';
import { referenceRenderBody } from './body-reference.ts';

const root = path.resolve(import.meta.dirname, '../..');

describe('body on the seeds', () => {
  let result: BuildResult;
  beforeAll(async () => {
    result = await build({ seedsDir: path.join(root, 'seeds'), outDir: path.join(root, 'dist-test-unused'), write: false });
  }, 60_000);

  it('every article: the serializer takes the tree, both paths give the bytes of the pipeline before them, the page carries them', () => {
    const { site, pages } = result;
    // the full records, as the API publishes them (result.records are the site model's digests)
    const records = JSON.parse(String(pages?.get('api/articles.json'))) as EnrichedArticle[];
    expect(records.length).toBe(5);
    for (const a of records) {
      // as the article page builds it (render/pages/article.ts)
      const entityHref = (id: string) => {
        const e = site?.entities.get(id);
        return e ? relHref(a.path, e.path) : null;
      };
      const expected = referenceRenderBody(a, entityHref);
      expect(expected, a.id).toContain('<a href="../');
      expect(mdastToHtml(bodyTree(a, entityHref)), a.id).toBe(expected);
      expect(renderBody(a, entityHref), a.id).toBe(expected);
      expect(renderBodyWithLibraries(a, entityHref), a.id).toBe(expected);
      expect(String(pages?.get(a.path)), a.id).toContain(expected);
    }
  });
});

const one = (blocks: Block[]) => renderBody(article(blocks), () => null);

describe('bytes as hast-util-to-html writes them', () => {
  it('text: only < and & encoded, as upper-case hex references; quotes, > and control characters kept', () => {
    const html = one([{ type: 'paragraph', text: 'a<b&c>"\'`\0\x01 ä „x“ 😀', line: 1 }]);
    expect(html).toBe('<p>a&#x3C;b&#x26;c>"\'`\0\x01 ä „x“ 😀</p>');
  });

  it('text: spaces and tabs around line breaks trimmed (trimLines), the breaks kept', () => {
    expect(one([{ type: 'paragraph', text: ' a \t\n\t b \r\n c ', line: 1 }])).toBe('<p> a\nb\r\nc </p>');
  });

  it('blocks joined by newlines; list items and quote paragraphs on their own lines', () => {
    const html = one([
      { type: 'heading', text: 'H', line: 1 },
      { type: 'list-item', text: 'a', line: 2 },
      { type: 'list-item', text: 'b', line: 3 },
      { type: 'blockquote', text: 'q', line: 4 },
      { type: 'caption', text: 'Bild', credit: 'AP', line: 5 },
      { type: 'caption', text: 'Bild', line: 6 },
    ]);
    expect(html).toBe([
      '<h2>H</h2>',
      '<ul>\n<li>a</li>\n<li>b</li>\n</ul>',
      '<blockquote>\n<p>q</p>\n</blockquote>',
      '<figure><figcaption>Bild <small class="credit">Foto: AP</small></figcaption></figure>',
      '<figure><figcaption>Bild</figcaption></figure>',
    ].join('\n'));
  });

  it('attributes: " & \' ` and NUL encoded in values; hrefs through normalizeUri first', () => {
    const text = 'Er sagte: „Ja.“ Kim kam.';
    const a = article([{ type: 'paragraph', text, line: 1 }],
      [{ id: 'kim', name: 'Kim', type: 'person', mentions: 1, occurrences: [{ block: 0, start: 16, end: 19, text: 'Kim' }] }],
      [{ text: '„Ja.“', speakerId: null, speakerName: 'O\'Neil "X" & `y`\0<', paragraph: 0, evidence: '', sameAs: [] }]);
    const html = renderBody(a, () => '../orte/ä ö"&\'.html');
    expect(html).toBe('<p>Er sagte: <q title="Zitat: O&#x27;Neil &#x22;X&#x22; &#x26; &#x60;y&#x60;&#x0;<">„Ja.“</q> <a href="../orte/%C3%A4%20%C3%B6%22&#x26;&#x27;.html">Kim</a> kam.</p>');
    expect(html).toBe(renderBodyWithLibraries(a, () => '../orte/ä ö"&\'.html'));
  });
});

describe('trees outside the serializer: handed to the libraries, never guessed', () => {
  const trees: [string, Root][] = [
    ['raw html', { type: 'root', children: [{ type: 'html', value: '<script>alert(1)</script>' }] }],
    ['strong', { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'strong', children: [{ type: 'text', value: 'x' }] }] }] }],
    ['plain emphasis', { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'emphasis', children: [{ type: 'text', value: 'x' }] }] }] }],
    ['titled link', { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'link', url: 'x', title: 't', children: [] }] }] }],
    ['foreign property', { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'emphasis', data: { hName: 'q', hProperties: { onclick: 'x' } }, children: [] }] }] }],
    ['hChildren', { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'emphasis', data: { hName: 'q', hChildren: [] }, children: [] }] }] }],
    ['other element name', { type: 'root', children: [{ type: 'paragraph', data: { hName: 'div' }, children: [] }] }],
    ['heading depth 3', { type: 'root', children: [{ type: 'heading', depth: 3, children: [] }] }],
    ['ordered list', { type: 'root', children: [{ type: 'list', ordered: true, spread: false, children: [] }] }],
    ['loose item', { type: 'root', children: [{ type: 'list', spread: false, children: [{ type: 'listItem', spread: true, children: [] }] }] }],
    ['task item', { type: 'root', children: [{ type: 'list', spread: false, children: [{ type: 'listItem', spread: false, checked: true, children: [] }] }] }],
  ];
  it.each(trees)('%s', (_name, tree) => {
    expect(mdastToHtml(tree)).toBeUndefined();
    expect(typeof libraryHtml(tree)).toBe('string');
  });

  it('the raw html node stays out of the output on the library path too', () => {
    expect(libraryHtml(trees[0]![1])).toBe(''); // trees[0] is the raw html case above
  });
});
