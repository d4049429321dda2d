/** Every file under `dir` as text, by path relative to it (POSIX separators): for comparing two built sites. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export function tree(dir: string, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const e of readdirSync(path.join(dir, prefix), { withFileTypes: true })) {
    const rel = path.posix.join(prefix, e.name);
    if (e.isDirectory()) for (const [k, v] of tree(dir, rel)) out.set(k, v);
    else out.set(rel, readFileSync(path.join(dir, rel), 'utf8'));
  }
  return out;
}
