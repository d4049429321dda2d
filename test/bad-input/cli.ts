/**
 * The real CLI as a child process (the only way to see real exit codes and to SIGKILL a
 * build): bin/presseschau.js on lib/, compiled once per test file by scripts/compile.mjs,
 * exactly as `npm test` and `npm run build` do.
 */
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

let compiled: string | undefined;

/** Compile src/ into lib/ once per test file; returns the launcher path. */
export function cliLauncher(): Promise<string> {
  if (compiled === undefined) {
    execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'compile.mjs')], { cwd: ROOT, stdio: 'inherit' });
    compiled = path.join(ROOT, 'bin', 'presseschau.js');
  }
  return Promise.resolve(compiled);
}

export interface CliRun {
  code: number | null;
  stderr: string;
  stdout: string;
}

export async function runCli(args: string[], cwd = ROOT): Promise<CliRun> {
  const launcher = await cliLauncher();
  const r = spawnSync(process.execPath, [launcher, ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stderr: r.stderr, stdout: r.stdout };
}

export async function spawnCli(args: string[], cwd = ROOT): Promise<ChildProcess> {
  const launcher = await cliLauncher();
  return spawn(process.execPath, [launcher, ...args], { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
}
