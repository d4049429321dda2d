/**
 * Profile of one session rebuild (what `presseschau dev` does after an edit), launcher:
 * bench/micro/dev.mjs. Usage: node bench/micro/dev.mjs <seeds folder> <work folder> [--edits=3] [--pause=MS] [--profile] [--alloc]
 * The seeds folder is hard-linked into <work>/seeds (edited files are unlinked first, so the
 * original is never touched); one full session build, then each edit is followed by a timed
 * rebuild. With --profile the last rebuild's main-thread CPU profile is written to
 * <work>/rebuild.cpuprofile and its top self-time functions printed; with --alloc the last
 * rebuild's main-thread allocations are sampled (V8's sampling heap profiler, every 32 KiB) into
 * <work>/rebuild.heapprofile and the functions that allocated most are printed (garbage included:
 * what the collector has to clear).
 */
import { linkSync, mkdirSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import path from 'node:path';
import { build } from '../../src/build.ts';
import { closeSession, createSession } from '../../src/session.ts';

const [src, work] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
if (src === undefined || work === undefined) throw new Error('usage: dev.mjs <seeds> <work>');
const edits = Number(process.argv.find((a) => a.startsWith('--edits='))?.slice(8) ?? 3);
const profile = process.argv.includes('--profile');
const alloc = process.argv.includes('--alloc');
// --pause=MS: wait this long before each edit, as between an editor's saves (default 0: back to back)
const pause = Number(process.argv.find((a) => a.startsWith('--pause='))?.slice(8) ?? 0);
rmSync(work, { recursive: true, force: true });
const seeds = path.join(work, 'seeds');
mkdirSync(seeds, { recursive: true });
const names = readdirSync(src).sort();
for (const n of names) linkSync(path.join(src, n), path.join(seeds, n));
const articles = names.filter((n) => /\.(txt|md)$/.test(n));
const session = createSession();
const outDir = path.join(work, 'out');
let t = performance.now();
await build({ seedsDir: seeds, outDir, session });
console.log(`full: ${(performance.now() - t).toFixed(0)} ms`);
for (let k = 0; k < edits; k++) {
  if (pause > 0) await new Promise((resolve) => setTimeout(resolve, pause));
  const name = articles[Math.floor(((k + 0.25) / edits) * articles.length)] as string;
  const file = path.join(seeds, name);
  const text = readFileSync(file, 'utf8');
  unlinkSync(file);
  writeFileSync(file, `${text.trimEnd()}\n\nNachtrag ${k + 1}: Die Redaktion hat diesen Artikel am Abend ergänzt.\n`);
  const last = profile && k === edits - 1;
  const sampled = alloc && k === edits - 1;
  const inspector = new Session();
  if (last || sampled) inspector.connect();
  if (last) {
    await inspector.post('Profiler.enable');
    await inspector.post('Profiler.start');
  }
  if (sampled) {
    await inspector.post('HeapProfiler.enable');
    // keep what was collected too: the garbage is the point
    await inspector.post('HeapProfiler.startSampling', { samplingInterval: 32768, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
  }
  t = performance.now();
  await build({ seedsDir: seeds, outDir, session });
  console.log(`rebuild ${name}: ${(performance.now() - t).toFixed(0)} ms · peak RSS so far ${Math.round(process.resourceUsage().maxRSS / 1024)} MiB`);
  if (sampled) {
    const { profile: h } = await inspector.post('HeapProfiler.stopSampling');
    writeFileSync(path.join(work, 'rebuild.heapprofile'), JSON.stringify(h));
    const bytes = new Map<string, number>();
    const visit = (n: (typeof h)['head']): void => {
      const f = n.callFrame;
      const key = `${f.functionName || '(anon)'} ${path.basename(f.url)}:${f.lineNumber + 1}`;
      bytes.set(key, (bytes.get(key) ?? 0) + n.selfSize);
      for (const c of n.children) visit(c);
    };
    visit(h.head);
    const total = [...bytes.values()].reduce((a, b) => a + b, 0);
    console.log(`allocated (sampled) ${(total / 2 ** 20).toFixed(0)} MiB on the main thread`);
    for (const [k2, b] of [...bytes].sort((a, b2) => b2[1] - a[1]).slice(0, 40)) console.log(`${(b / 2 ** 20).toFixed(1).padStart(7)} MiB  ${k2}`);
  }
  if (last) {
    const { profile: p } = await inspector.post('Profiler.stop');
    writeFileSync(path.join(work, 'rebuild.cpuprofile'), JSON.stringify(p));
    const self = new Map<string, number>();
    const dt = p.timeDeltas ?? [];
    const byId = new Map(p.nodes.map((n) => [n.id, n]));
    (p.samples ?? []).forEach((id, i) => {
      const n = byId.get(id);
      if (!n) return;
      const f = n.callFrame;
      const key = `${f.functionName || '(anon)'} ${path.basename(f.url)}:${f.lineNumber + 1}`;
      self.set(key, (self.get(key) ?? 0) + (dt[i] ?? 0) / 1000);
    });
    for (const [k2, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log(`${ms.toFixed(0).padStart(7)} ms  ${k2}`);
  }
}
await closeSession(session);
