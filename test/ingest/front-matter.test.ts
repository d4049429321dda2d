/** Front matter is data, never code: no `---js` evaluation, no prototype pollution, located YAML errors. */
import { describe, expect, it } from 'vitest';
import { splitFrontMatter } from '../../src/ingest/front-matter.ts';

describe('splitFrontMatter', () => {
  it('never evaluates a ---js block (gray-matter has a JavaScript engine)', () => {
    const g = globalThis as { pwned?: boolean };
    const r = splitFrontMatter('---js\n{ title: (globalThis.pwned = true) }\n---\nText\n', 'a.md');
    expect(g.pwned).toBeUndefined();
    expect(r.data).toEqual({});
  });
  it('does not pollute Object.prototype', () => {
    const r = splitFrontMatter('---\n__proto__:\n  polluted: ja\ntitle: x\n---\nText\n', 'a.md');
    expect(({} as { polluted?: string }).polluted).toBeUndefined();
    expect(r.data.title).toBe('x');
  });
  it('locates broken YAML and keeps the body', () => {
    const r = splitFrontMatter('---\ntitle: x\n  bad: : :\n---\nText\n', 'a.md');
    expect(r.diagnostics[0]).toMatchObject({ ruleId: 'front-matter-yaml', file: 'a.md' });
    expect(r.diagnostics[0]!.line).toBeGreaterThanOrEqual(2);
    expect(r.body).toBe('Text\n');
  });
  it('a list is not front matter', () => {
    expect(splitFrontMatter('---\n- a\n- b\n---\nText\n', 'a.md').diagnostics[0]?.ruleId).toBe('front-matter-shape');
  });
});
