/**
 * The template engine takes a built-in template precompiled into the bundle (src/render/
 * precompiled.ts) only for the very text it was compiled from; any other text — a corpus's own
 * templates/ folder — is compiled at run time. (That the bundle's precompiled templates render
 * what run-time compilation renders is checked end to end in test/parallel/determinism.test.ts.)
 */
import { Eta } from 'eta';
import { describe, expect, it } from 'vitest';
import etaConfig from '../../src/render/eta-config.json' with { type: 'json' };
import { createEngine } from '../../src/render/engine.ts';
import type { PrecompiledTemplate } from '../../src/render/precompiled.ts';

const theme = (templates: Record<string, string>) => ({ templates: new Map(Object.entries(templates)), origins: new Map<string, string>() });
const builtIn = '<p><%= it.x %></p>\n';
const precompiled = new Map<string, PrecompiledTemplate>([['page', { source: builtIn, render: () => 'vorübersetzt' }]]);

describe('createEngine', () => {
  it('uses the precompiled function for the same source text', () => {
    expect(createEngine(theme({ page: builtIn }), precompiled).render('page', { x: 'a' })).toBe('vorübersetzt');
  });

  it('compiles a changed template at run time instead', () => {
    expect(createEngine(theme({ page: '<b><%= it.x %></b>' }), precompiled).render('page', { x: '<&>' })).toBe('<b>&lt;&amp;&gt;</b>');
  });

  it('a precompiled function of Eta itself renders like the run-time one (includes, escaping, trimmed newlines)', () => {
    const source = '<% if (it.x) { %>\n<i><%= it.x %></i>\n<% } %>\n<%~ include("@part", { y: 1 }) %>';
    const part = '<%= it.x %>/<%= it.y %>';
    const eta = new Eta(etaConfig as ConstructorParameters<typeof Eta>[0]);
    // what scripts/compile.mjs emits, as a function instead of source text
    const compiled = (text: string) => new Function('it', 'options', eta.compileToString(text)) as PrecompiledTemplate['render'];
    const pre = new Map<string, PrecompiledTemplate>([['page', { source, render: compiled(source) }], ['part', { source: part, render: compiled(part) }]]);
    const data = { x: 'Kim & Putin' };
    expect(createEngine(theme({ page: source, part }), pre).render('page', data)).toBe(createEngine(theme({ page: source, part }), new Map()).render('page', data));
    expect(createEngine(theme({ page: source, part }), new Map()).render('page', data)).toBe('<i>Kim &amp; Putin</i>\nKim &amp; Putin/1');
  });
});
