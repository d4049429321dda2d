/**
 * Shared by the browser and validator tests: build the real seeds once per test file into a
 * fresh temporary folder, launch Debian's Chromium (never a downloaded browser), serve a folder
 * over http under a sub-path, and list the pages of a built site.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import sirv from 'sirv';
import { build } from '../../src/build.ts';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const SEEDS = path.join(ROOT, 'seeds');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CLIENT = path.join(ROOT, 'lib/assets/suche.js');

export interface BuiltSite {
  dir: string;
  /** Every file of the site, posix paths relative to `dir`, sorted. */
  files: string[];
  html: string[];
  cleanup(): Promise<void>;
}

/** Build seeds/ into a new temporary folder (through the same `build()` the CLI uses). */
export async function buildSite(options: { baseUrl?: string } = {}): Promise<BuiltSite> {
  if (!existsSync(CLIENT)) throw new Error(`${CLIENT} fehlt: erst \`node scripts/compile.mjs\` ausführen (npm test tut das selbst).`);
  const parent = await mkdtemp(path.join(os.tmpdir(), 'presseschau-e2e-'));
  const dir = path.join(parent, 'site');
  await build({ seedsDir: SEEDS, outDir: dir, ...(options.baseUrl !== undefined ? { baseUrl: options.baseUrl } : {}) });
  const files = (await listFiles(dir)).sort();
  return { dir, files, html: files.filter((f) => f.endsWith('.html')), cleanup: () => rm(parent, { recursive: true, force: true }) };
}

async function listFiles(dir: string, prefix = ''): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(path.join(dir, prefix), { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...(await listFiles(dir, rel)));
    else out.push(rel);
  }
  return out;
}

/** Chromium from the system; a missing browser fails loudly instead of skipping. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium nicht gefunden (${CHROMIUM}). Installieren mit \`apt-get install chromium\` (CI tut das), oder CHROMIUM_PATH setzen.`);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

export interface Served {
  /** `http://127.0.0.1:<port>/presse/` */
  url: string;
  close(): Promise<void>;
}

/** Serve `dir` under a sub-path, to prove the site does not assume it lives at the host root. */
export async function serve(dir: string, subPath = '/presse/'): Promise<Served> {
  const handler = sirv(dir, { dev: true, etag: false });
  const server: Server = createServer((req, res) => {
    const url = req.url ?? '/';
    if (!url.startsWith(subPath)) {
      res.statusCode = 404;
      res.end('outside the sub-path');
      return;
    }
    req.url = url.slice(subPath.length - 1);
    handler(req, res, () => {
      res.statusCode = 404;
      res.end('not found');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo; // listen() on a TCP port always yields AddressInfo
  return {
    url: `http://127.0.0.1:${port}${subPath}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export interface Watch {
  problems: string[];
}

/**
 * Record everything that must not happen on a page: console errors, uncaught exceptions, failed
 * requests, and any request that leaves the site (`allowed` is the site's own URL prefix).
 */
export function watch(page: Page, allowed: string): Watch {
  const w: Watch = { problems: [] };
  page.on('console', (msg) => {
    if (msg.type() === 'error' || msg.type() === 'warning') w.problems.push(`console.${msg.type()}: ${msg.text()} (${page.url()})`);
  });
  page.on('pageerror', (error) => w.problems.push(`pageerror: ${error.message} (${page.url()})`));
  page.on('requestfailed', (req) => w.problems.push(`request failed: ${req.url()} – ${req.failure()?.errorText ?? '?'}`));
  page.on('request', (req) => {
    const url = req.url();
    if (!url.startsWith(allowed) && !url.startsWith('data:')) w.problems.push(`external request: ${url} (from ${page.url()})`);
  });
  page.on('response', (res) => {
    if (res.status() >= 400) w.problems.push(`HTTP ${res.status()}: ${res.url()}`);
  });
  return w;
}
