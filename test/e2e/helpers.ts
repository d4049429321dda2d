/**
 * Shared by the browser and validator tests: build the real seeds once per test run, launch
 * Debian's Chromium (never a downloaded browser), serve a folder over http under a sub-path.
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
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

async function describeSite(dir: string, cleanup: () => Promise<void>): Promise<BuiltSite> {
  const files = (await listFiles(dir)).sort();
  return { dir, files, html: files.filter((f) => f.endsWith('.html')), cleanup };
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** pid plus the process start time (Linux /proc), so a reused pid never meets an old run's folder. */
function runId(pid: number): string {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return `${pid}-${stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? '0'}`;
  } catch {
    return `${pid}-0`;
  }
}

/**
 * The seeds built once per test run and shared by every browser/validator test file (read-only
 * use!). Test files run in parallel worker processes of one vitest process: the first to arrive
 * builds (an atomic mkdir is the lock), the others wait for its `done` marker. Folders of runs
 * whose vitest process is gone are removed on the way.
 */
export async function sharedSite(): Promise<BuiltSite> {
  const prefix = 'presseschau-e2e-run-';
  const me = runId(process.ppid);
  for (const name of await readdir(os.tmpdir())) {
    if (!name.startsWith(prefix) || name === `${prefix}${me}`) continue;
    const pid = Number(name.slice(prefix.length).split('-')[0]);
    // Gone, or the pid now belongs to a newer process (its start time differs): a stale run.
    if (!alive(pid) || name !== `${prefix}${runId(pid)}`) await rm(path.join(os.tmpdir(), name), { recursive: true, force: true });
  }
  const base = path.join(os.tmpdir(), `${prefix}${me}`);
  const dir = path.join(base, 'site');
  const done = path.join(base, 'done');
  let builder = false;
  try {
    await mkdir(base);
    builder = true;
  } catch {
    // Another test file is building (or has built) it.
  }
  if (builder) {
    try {
      if (!existsSync(CLIENT)) throw new Error(`${CLIENT} fehlt: erst \`node scripts/compile.mjs\` ausführen (npm test tut das selbst).`);
      await build({ seedsDir: SEEDS, outDir: dir });
      await writeFile(done, 'ok');
    } catch (error) {
      await writeFile(done, `Build fehlgeschlagen: ${error instanceof Error ? error.message : String(error)}`);
      throw error;
    }
  } else {
    const deadline = Date.now() + 120_000;
    while (!existsSync(done)) {
      if (Date.now() > deadline) throw new Error(`gemeinsamer Build in ${base} nicht fertig nach 120 s`);
      await new Promise((r) => setTimeout(r, 100));
    }
    const state = await readFile(done, 'utf8');
    if (state !== 'ok') throw new Error(state);
  }
  // Nothing to clean per file: the folder lives until the next run sees its vitest process gone.
  return describeSite(dir, async () => undefined);
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
