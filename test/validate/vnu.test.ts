/**
 * The W3C Nu HTML checker (npm vnu-jar, run with Java, errors only) reports no error on any page
 * of the built seeds. One JVM run over all pages (the JVM is slow to start), with one known-bad
 * page in the same run to prove the checker really checks. The JVM flags: vnu's schema needs a
 * deep stack (-Xss), and C1-only compilation plus the serial GC start it in ~2 s instead of ~13 s.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedSite, ROOT, type BuiltSite } from '../e2e/helpers.ts';

const VNU = path.join(ROOT, 'node_modules/vnu-jar/build/dist/vnu.jar');

interface VnuMessage {
  type: string;
  subType?: string;
  url?: string;
  lastLine?: number;
  firstColumn?: number;
  message: string;
  extract?: string;
}

let site: BuiltSite;
beforeAll(async () => {
  site = await sharedSite();
}, 60_000);
afterAll(() => site?.cleanup());

function runVnu(files: string[]): Promise<VnuMessage[]> {
  return new Promise((resolve, reject) => {
    execFile('java', ['-Xss16m', '-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC', '-jar', VNU, '--errors-only', '--format', 'json', ...files], { maxBuffer: 64 * 1024 * 1024 }, (error, _stdout, stderr) => {
      if (error && (error as NodeJS.ErrnoException).code === 'ENOENT') {
        reject(new Error('java nicht gefunden: `apt-get install default-jre-headless` (CI installiert es)'));
        return;
      }
      try {
        // vnu writes its JSON report to stderr and exits 1 when it found errors.
        resolve((JSON.parse(stderr) as { messages: VnuMessage[] }).messages);
      } catch {
        reject(new Error(`vnu lieferte kein JSON: ${stderr.slice(0, 500)}`));
      }
    });
  });
}

describe('W3C Nu HTML checker', () => {
  it('reports no error on any page of the site', async () => {
    expect(existsSync(VNU), `${VNU} fehlt (npm ci)`).toBe(true);
    const bad = path.join(path.dirname(site.dir), 'kaputt.html');
    await writeFile(bad, '<!doctype html><html lang="de"><head><title>x</title></head><body><p><div>x</div></p><img src="x.png"></body></html>');
    const files = [bad, ...site.html.map((f) => path.join(site.dir, f))];
    const messages = await runVnu(files);
    const rel = (url = '') => path.relative(site.dir, decodeURIComponent(url.replace(/^file:/, '')));
    const control = messages.filter((m) => m.url?.endsWith('kaputt.html'));
    expect(control.length, 'the known-bad page must produce errors').toBeGreaterThan(0);
    const errors = messages
      .filter((m) => !m.url?.endsWith('kaputt.html'))
      .map((m) => `${rel(m.url)}:${m.lastLine ?? '?'}:${m.firstColumn ?? '?'}  ${m.type}${m.subType ? `/${m.subType}` : ''}  ${m.message}`);
    expect(errors).toEqual([]);
  }, 60_000);
});
