/** Runs one command and measures wall time (in Node), CPU time and peak RSS (`/usr/bin/time -v`). */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { lstat, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

export const TIME_BIN = '/usr/bin/time';
export const hasGnuTime = existsSync(TIME_BIN);

export interface RunSample {
  ms: number;
  /** Peak resident set size in MiB, or null without GNU time. */
  rssMB: number | null;
  /**
   * CPU time of the command and its children (user + system, ms), or null without GNU time. Steadier
   * than wall time when the host is busy, and it shows how much work a tool does, not only how
   * well it spreads it over the cores.
   */
  cpuMs: number | null;
  load1: number;
}

export class CommandError extends Error {
  constructor(readonly argv: string[], readonly code: number | null, readonly stderr: string) {
    super(`${argv.join(' ')} endete mit Code ${code}:\n${stderr.slice(-2000)}`);
    this.name = 'CommandError';
  }
}

export async function measure(argv: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<RunSample> {
  const timeFile = path.join(os.tmpdir(), `bench-time-${process.pid}-${Math.random().toString(36).slice(2)}`);
  const full = hasGnuTime ? [TIME_BIN, '-v', '-o', timeFile, ...argv] : argv;
  const load1 = os.loadavg()[0] ?? 0;
  const started = performance.now();
  const { code, stderr } = await new Promise<{ code: number | null; stderr: string }>((resolve, reject) => {
    const child = spawn(full[0] as string, full.slice(1), { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (s: string) => {
      err = (err + s).slice(-8000); // keep the tail only: some tools print a line per file
    });
    child.on('error', reject);
    child.on('close', (c) => resolve({ code: c, stderr: err }));
  });
  const ms = performance.now() - started;
  let rssMB: number | null = null;
  let cpuMs: number | null = null;
  if (hasGnuTime) {
    const report = await readFile(timeFile, 'utf8').catch(() => '');
    await rm(timeFile, { force: true });
    ({ rssMB, cpuMs } = parseTimeReport(report));
  }
  if (code !== 0) throw new CommandError(argv, code, stderr);
  return { ms: Math.round(ms), rssMB, cpuMs, load1: Math.round(load1 * 100) / 100 };
}

/** Peak RSS (MiB) and CPU time (user + system, ms) from the report of `/usr/bin/time -v`; null for what it lacks. */
export function parseTimeReport(report: string): { rssMB: number | null; cpuMs: number | null } {
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(report);
  const user = /User time \(seconds\): ([\d.]+)/.exec(report);
  const system = /System time \(seconds\): ([\d.]+)/.exec(report);
  return {
    rssMB: rss ? Math.round(Number(rss[1]) / 102.4) / 10 : null,
    cpuMs: user && system ? Math.round((Number(user[1]) + Number(system[1])) * 1000) : null,
  };
}

/** Total bytes and file count below a folder (apparent size, symlinks not followed). */
export async function folderSize(dir: string): Promise<{ bytes: number; files: number }> {
  let bytes = 0;
  let files = 0;
  const walk = async (d: string): Promise<void> => {
    for (const e of await readdir(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) await walk(p);
      else if (e.isFile()) {
        bytes += (await lstat(p)).size;
        files++;
      }
    }
  };
  await walk(dir);
  return { bytes, files };
}

export interface Stats {
  runs: number[];
  median: number;
  min: number;
  max: number;
}

export function stats(values: number[]): Stats {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  const median = s.length % 2 ? (s[mid] as number) : Math.round(((s[mid - 1] as number) + (s[mid] as number)) / 2);
  return { runs: values, median, min: s[0] ?? 0, max: s[s.length - 1] ?? 0 };
}
