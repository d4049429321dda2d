/**
 * Clean up after an interrupted build. The staged writer leaves two kinds of sibling folders
 * when a process dies: `.<out>.staging-<pid>-<rand>` (killed while writing: the output is
 * untouched, the staging folder is garbage) and `.<out>.old-<pid>-<rand>` (killed between the
 * two renames of commit: the output folder is MISSING and the old site sits in `.old-`).
 * Folders of a still-running build (its pid is alive) are left alone.
 */
import { readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';

export function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Returns one German line per action taken, e.g. for info diagnostics. */
export async function recoverLeftovers(out: string): Promise<string[]> {
  const parent = path.dirname(out);
  const base = path.basename(out);
  const pattern = new RegExp(`^\\.${escape(base)}\\.(staging|old)-(\\d+)-[0-9a-f]+$`);
  let entries: string[];
  try {
    entries = await readdir(parent);
  } catch {
    return [];
  }
  const dead = { staging: [] as string[], old: [] as string[] };
  for (const name of entries.sort()) {
    const m = pattern.exec(name);
    if (!m || isAlive(Number(m[2]))) continue;
    dead[m[1] === 'old' ? 'old' : 'staging'].push(path.join(parent, name));
  }
  const actions: string[] = [];
  let outExists = true;
  try {
    await stat(out);
  } catch {
    outExists = false;
  }
  if (!outExists && dead.old.length > 0) {
    // Killed between the renames: put the previous site back. The newest old folder is the one
    // the last commit moved aside (older ones would have been removed by their own commit).
    const withTimes = await Promise.all(dead.old.map(async (p) => ({ p, t: (await stat(p)).mtimeMs })));
    withTimes.sort((a, b) => b.t - a.t || (a.p < b.p ? -1 : 1));
    const newest = withTimes[0]!.p; // non-empty: checked above
    await rename(newest, out);
    dead.old = dead.old.filter((p) => p !== newest);
    actions.push(`vorheriger Ausgabeordner aus ${path.basename(newest)} wiederhergestellt (Build zwischen den Umbenennungen abgebrochen)`);
  }
  for (const p of [...dead.staging, ...dead.old]) {
    await rm(p, { recursive: true, force: true });
    actions.push(`Überrest eines abgebrochenen Builds entfernt: ${path.basename(p)}`);
  }
  return actions;
}
