/**
 * `presseschau dev` as a writer uses it, in Debian's Chromium: the article page is open, its seed
 * file is saved with a new paragraph, and the page reloads by itself (live reload, not the test)
 * with the new text — first from the preview, then from the rebuilt site, which must say the same.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCli, type Running } from '../cli/helpers.ts';
import { launchChromium, SEEDS } from './helpers.ts';

let browser: Browser;
let running: Running | undefined;
const root = mkdtempSync(path.join(os.tmpdir(), 'presseschau-e2e-dev-'));
const seeds = path.join(root, 'seeds');
const out = path.join(root, 'dist');

beforeAll(async () => {
  cpSync(SEEDS, seeds, { recursive: true });
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  await running?.stop();
  await browser?.close();
  rmSync(root, { recursive: true, force: true });
});

describe('dev in a browser', () => {
  it('an edited seed: the open page reloads by itself and shows the new paragraph', async () => {
    running = await startCli(['dev', '--seeds', seeds, '--out', out, '--port', '0']);
    const report = JSON.parse(readFileSync(path.join(out, '_build', 'report.json'), 'utf8')) as { files: { file: string; article?: { path: string } }[] };
    const entry = report.files.find((f) => f.article && f.file.endsWith('.txt'));
    if (!entry?.article) throw new Error('no .txt article in the report');
    const articlePath = entry.article.path;
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(new URL(articlePath, running.url).href);
    await expect.poll(() => running?.stderr() ?? '').toMatch(/beobachtet:/);
    // Loads of the page after the edit: the test never navigates, so each one is the server's reload.
    let reloads = 0;
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) reloads++;
    });

    const file = path.join(seeds, entry.file);
    writeFileSync(file, `${readFileSync(file, 'utf8').trimEnd()}\n\nNachtrag: Das Kennwort lautet Zaunkönig.\n`);
    await expect.poll(() => page.locator('main').innerText(), { timeout: 20_000 }).toContain('Das Kennwort lautet Zaunkönig.');
    expect(reloads).toBeGreaterThan(0);
    expect(running.stderr()).toContain(`Vorschau: ${articlePath}`);

    // The rebuild lands: the file on disk has the paragraph, and the page (reloaded again) still shows it.
    await expect.poll(() => readFileSync(path.join(out, articlePath), 'utf8'), { timeout: 20_000 }).toContain('Das Kennwort lautet Zaunkönig.');
    await expect.poll(() => page.locator('main').innerText(), { timeout: 20_000 }).toContain('Das Kennwort lautet Zaunkönig.');
    expect(errors).toEqual([]);
    expect(await running.stop()).toBe(0);
    running = undefined;
  }, 60_000);
});
