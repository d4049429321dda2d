/**
 * Properties of the normaliser (fast-check, modest numRuns so the suite stays fast):
 * - it never throws, on any settled text (full unicode, long lines, odd line structures);
 * - its output passes the Article schema once slugs are assigned;
 * - it is idempotent in this precise sense, on news-shaped text: render an article back to text
 *   (title line, then each block — a caption with its credit — separated by blank lines),
 *   normalise that, and the title and the block types, texts and credits come out the same:
 *   N(R(N(x))) = N(x) on (title, blocks).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { settleText } from '../../src/ingest/decode.ts';
import { ArticleSchema, type Article } from '../../src/model/article.ts';
import type { RawDocument } from '../../src/model/raw.ts';
import { normalise } from '../../src/normalise/index.ts';
import { assignSlugs } from '../../src/normalise/slug.ts';

const doc = (text: string, id = 'p-001'): RawDocument => ({
  id, sourceFile: `${id}.txt`, format: 'txt', sha256: '0'.repeat(64), byteLength: text.length,
  text, lineOffset: 0, frontMatter: {}, frontMatterRaw: '',
});

const WORDS = ['Putin', 'Kim', 'Pjöngjang', '„Zitat“', 'sagte', 'er.', 'AP', 'Foto:', 'Reuters', '–', '(dpa)', 'Mehr', 'zum', 'Thema', '<b>', '&amp;', 'Ärger', '19.06.2024', 'Uhr', '?'];
const line = fc.oneof(
  fc.array(fc.constantFrom(...WORDS), { minLength: 0, maxLength: 14 }).map((w) => w.join(' ')),
  fc.string({ unit: 'grapheme', maxLength: 60 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
);
/** Text shaped like scraped news: lines, blank lines, sometimes one huge line. */
const newsText = fc.oneof(
  { weight: 4, arbitrary: fc.array(line, { maxLength: 25 }).map((ls) => ls.join('\n')) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 400 }) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...WORDS), fc.integer({ min: 1000, max: 20000 })).map(([w, n]) => `${w} `.repeat(n)) },
);

const shape = (a: Article) => ({ title: a.title, blocks: a.blocks.map((b) => [b.type, b.text, b.credit ?? '']) });
/** The article as a clean source would look: the title line, then each block (a caption with its credit) after a blank line. */
const renderBack = (a: Article) =>
  [a.title, '', ...a.blocks.flatMap((b) => [b.credit ? `${b.text} ${b.credit}` : b.type === 'list-item' ? `- ${b.text}` : b.text, ''])].join('\n');

// Idempotence is a property of news-shaped text, not of arbitrary strings: on random junk a heuristic
// normaliser legitimately reads "Putin\nPutin ? Putin" differently once its lines are regrouped. So the
// generator builds articles from the seeds' kinds of parts — a headline, paragraphs of real sentences,
// sub-headings, photo captions with credits (sometimes printed twice), widgets and teasers between them.
const SENTENCES = [
  'Der russische Präsident Wladimir Putin wird am Dienstag in Pjöngjang eintreffen.',
  '„Wir werden alle Themen langsam besprechen“, sagte Putin.',
  'Nordkorea liefert Raketen und Artilleriegranaten an Russland.',
  'Die Vereinigten Staaten und ihre Verbündeten sind besorgt.',
  'Kim Jong Un bezeichnete Herrn Putin als den „besten Freund seines Landes“.',
  'Moskau und Pjöngjang sind seit dem Ende des Koreakrieges (1950-1953) Verbündete.',
  'Sowohl Nordkorea als auch Russland haben die Vorwürfe bestritten.',
];
const paragraph = fc.array(fc.constantFrom(...SENTENCES), { minLength: 1, maxLength: 4 }).map((s) => s.join(' '));
const subheading = fc.constantFrom('Westliche Bedenken', 'Kim wurde nach Moskau eingeladen', 'Verbindungen ausbauen, Sanktionen umgehen');
const caption = fc.constantFrom('Flaggen beider Länder. Sputnik/Artem Geodakyan/Pool via REUTERS', 'Kim Jong-un und Wladimir Putin im September 2023. ©Vladimir Smirnov/Sputnik');
const widget = fc.constantFrom('Newsletter', 'Leave a Reply', '0 Kommentare', '-', 'Lesen Sie auch: Putin in Pjöngjang', 'Einloggen', 'source site');
const part = fc.oneof({ weight: 5, arbitrary: paragraph }, { weight: 1, arbitrary: subheading }, { weight: 1, arbitrary: caption.map((c) => `${c}\n${c}`) }, { weight: 1, arbitrary: caption }, { weight: 1, arbitrary: widget });
const articleText = fc
  .tuple(fc.constantFrom('Putin reist nach Nordkorea', 'Nordkorea schließt Militärpakt mit Russland – POLITICO'), fc.array(part, { minLength: 1, maxLength: 12 }), fc.constantFrom('\n\n', '\n\n\n'))
  .map(([title, parts, gap]) => [title, ...parts].join(gap));

describe('normalise (property)', () => {
  it('never throws and always yields a schema-valid article', () => {
    fc.assert(
      fc.property(newsText, (raw) => {
        const settled = settleText(raw);
        const [article] = assignSlugs([normalise(doc(settled)).article]);
        const parsed = ArticleSchema.safeParse(article);
        if (!parsed.success) throw new Error(`schema: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
      }),
      { numRuns: 150 },
    );
  });

  it('is idempotent: normalising the rendered-back article changes nothing', () => {
    fc.assert(
      fc.property(articleText, (raw) => {
        const settled = settleText(raw);
        const once = normalise(doc(settled)).article;
        const twice = normalise(doc(settleText(renderBack(once)))).article;
        expect(shape(twice)).toEqual(shape(once));
      }),
      { numRuns: 300 },
    );
  });
});
