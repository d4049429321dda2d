/**
 * vitest globalSetup for the CLI tests: compile once per run into a private package folder
 * (see helpers.ts). Registered in vitest.config.ts; other test folders do not need it.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The private package folder holding bin/ and lib/ of this run. */
    cliPackage: string;
  }
}

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Folders of runs that were killed (no teardown) are removed after a day; live runs are never that old. */
function removeStale(): void {
  const day = Date.now() - 24 * 3600 * 1000;
  for (const name of readdirSync(os.tmpdir())) {
    if (!name.startsWith('presseschau-cli-pkg-')) continue;
    const dir = path.join(os.tmpdir(), name);
    try {
      if (statSync(dir).mtimeMs < day) rmSync(dir, { recursive: true, force: true });
    } catch {
      // another run removed it first
    }
  }
}

export default function setup(project: TestProject): () => void {
  const pkg = mkdtempSync(path.join(os.tmpdir(), 'presseschau-cli-pkg-'));
  copyFileSync(path.join(ROOT, 'package.json'), path.join(pkg, 'package.json'));
  cpSync(path.join(ROOT, 'bin'), path.join(pkg, 'bin'), { recursive: true });
  for (const dir of ['node_modules', 'templates', 'scaffold', 'assets']) {
    if (existsSync(path.join(ROOT, dir))) symlinkSync(path.join(ROOT, dir), path.join(pkg, dir), 'dir');
  }
  try {
    execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'compile.mjs'), '--outdir', path.join(pkg, 'lib')], { cwd: ROOT, stdio: 'inherit' });
  } catch (error) {
    rmSync(pkg, { recursive: true, force: true }); // no teardown runs when setup throws
    throw error;
  }
  removeStale();
  project.provide('cliPackage', pkg);
  return () => rmSync(pkg, { recursive: true, force: true });
}
