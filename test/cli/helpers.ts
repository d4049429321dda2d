/**
 * The real CLI as a child process: bin/presseschau.js plus the esbuild bundle, built ONCE per
 * test run (vitest globalSetup, test/cli/global-setup.ts) into a private package folder so a
 * compile someone else starts in the shared tree cannot swap lib/cli.js under a running test.
 * The private folder links templates/, scaffold/, assets/ and node_modules/ of the project.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { inject } from 'vitest';
import './global-setup.ts'; // for the ProvidedContext type only

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Built by global-setup.ts; a missing setup is a configuration error, not a reason to test stale lib/. */
export function launcher(): string {
  const pkg = inject('cliPackage');
  if (!pkg || !existsSync(pkg)) throw new Error('test/cli/global-setup.ts did not run (vitest.config.ts globalSetup)');
  return path.join(pkg, 'bin', 'presseschau.js');
}

/** A child environment without the caller's colour or CI settings, unless a test sets them. */
export function childEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const k of ['FORCE_COLOR', 'NO_COLOR', 'CI']) delete env[k];
  for (const [k, v] of Object.entries(extra)) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  return env;
}

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], opts: { cwd?: string; env?: Record<string, string | undefined> } = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [launcher(), ...args], { cwd: opts.cwd ?? ROOT, env: childEnv(opts.env), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** A long-running command (serve, dev): resolves with the URL it prints on stdout. */
export interface Running {
  child: ChildProcess;
  url: string;
  stderr(): string;
  /** SIGTERM, then the exit code. */
  stop(): Promise<number | null>;
}

export function startCli(args: string[], opts: { cwd?: string } = {}): Promise<Running> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [launcher(), ...args], { cwd: opts.cwd ?? ROOT, env: childEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    const exited = new Promise<number | null>((r) => child.on('close', (code) => r(code)));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`no URL within 20 s; stderr:\n${stderr}`));
    }, 20_000);
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    child.stdout.setEncoding('utf8').on('data', (c: string) => {
      stdout += c;
      const m = /^(http:\/\/127\.0\.0\.1:\d+\/)$/m.exec(stdout);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve({
          child,
          url: m[1],
          stderr: () => stderr,
          stop: () => {
            child.kill('SIGTERM');
            return exited;
          },
        });
      }
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited ${code} before printing a URL; stderr:\n${stderr}`));
    });
  });
}

export function tempDir(name: string): string {
  return mkdtempSync(path.join(os.tmpdir(), `presseschau-cli-${name}-`));
}

export function removeDir(dir: string | undefined): void {
  if (dir) rmSync(dir, { recursive: true, force: true });
}

/** Poll until `check` returns a value (bounded): for dev rebuilds, which take a moment. */
export async function eventually<T>(check: () => Promise<T | undefined>, ms = 15_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = await check();
    if (v !== undefined) return v;
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 150));
  }
}
