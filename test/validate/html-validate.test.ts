/**
 * html-validate (config: .htmlvalidate.json, html-validate:recommended with reasoned relaxations)
 * reports no error on any page of the built seeds.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { HtmlValidate, type ConfigData } from 'html-validate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedSite, ROOT, type BuiltSite } from '../e2e/helpers.ts';

let site: BuiltSite;
let validator: HtmlValidate;

beforeAll(async () => {
  // The config file is JSON in html-validate's documented shape; the library validates it on load.
  const config = JSON.parse(await readFile(path.join(ROOT, '.htmlvalidate.json'), 'utf8')) as ConfigData;
  validator = new HtmlValidate(config);
  site = await sharedSite();
}, 60_000);
afterAll(() => site?.cleanup());

describe('html-validate', () => {
  it('catches a broken page (the harness works)', async () => {
    const report = await validator.validateString('<!doctype html><html lang="de"><head><title>x</title></head><body><div><p>a</div><img src="x.png"></body></html>', 'bad.html');
    expect(report.valid).toBe(false);
  });
  it('reports no error on any page of the site', async () => {
    const errors: string[] = [];
    for (const file of site.html) {
      const report = await validator.validateString(await readFile(path.join(site.dir, file), 'utf8'), file);
      for (const r of report.results) for (const m of r.messages) if (m.severity === 2) errors.push(`${file}:${m.line}:${m.column}  ${m.message}  ${m.ruleId}`);
    }
    expect(site.html.length).toBeGreaterThan(5);
    expect(errors).toEqual([]);
  });
});
