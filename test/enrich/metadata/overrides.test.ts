import { describe, expect, it } from 'vitest';
import { applyOverrides } from '../../../src/enrich/metadata/index.ts';
import type { Diagnostic } from '../../../src/model/diagnostic.ts';
import { article, knowledge } from '../dates/helpers.ts';

describe('applyOverrides (corpus.yml overrides keyed by source file)', () => {
  it('publisher → source, declared, with evidence', () => {
    const out = applyOverrides(article(['Text.']), knowledge({ 'test.txt': { publisher: 'Euronews' } }), []);
    expect(out.source).toEqual({ name: 'Euronews', provenance: 'declared', evidence: 'corpus.yml, overrides „test.txt“: publisher' });
  });

  it('title → title, declared, the old title kept in the evidence', () => {
    const out = applyOverrides(article(['Text.']), knowledge({ 'test.txt': { title: 'Putin reist nach Nordkorea' } }), []);
    expect(out).toMatchObject({ title: 'Putin reist nach Nordkorea', titleProvenance: 'declared', titleEvidence: 'corpus.yml, overrides „test.txt“: title (statt „Titel“)' });
  });

  it('replacing an extracted publisher is reported', () => {
    const diagnostics: Diagnostic[] = [];
    const a = article(['Text.'], { source: { name: 'Euronews', provenance: 'extracted', evidence: '© Euronews' } });
    expect(applyOverrides(a, knowledge({ 'test.txt': { publisher: 'POLITICO' } }), diagnostics).source?.name).toBe('POLITICO');
    expect(diagnostics.map((d) => [d.ruleId, d.severity])).toEqual([['override-publisher', 'info']]);
  });

  it('front matter publisher counts as declared when corpus.yml has none', () => {
    const a = article(['Text.'], { declared: { publisher: 'dpa' } });
    expect(applyOverrides(a, knowledge(), []).source).toMatchObject({ name: 'dpa', provenance: 'declared' });
  });

  it('another file’s override does not apply; the record is untouched', () => {
    const a = article(['Text.']);
    const out = applyOverrides(a, knowledge({ 'other.txt': { publisher: 'X', title: 'Y' } }), []);
    expect(out).toEqual(a);
  });

  it('does not mutate its input', () => {
    const a = article(['Text.']);
    const copy = structuredClone(a);
    applyOverrides(a, knowledge({ 'test.txt': { publisher: 'X', title: 'Y' } }), []);
    expect(a).toEqual(copy);
  });
});
