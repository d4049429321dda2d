/** A tree hash: every path (relative, sorted) with its mode kind and content hash. */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, lstatSync } from 'node:fs';
import path from 'node:path';

/** `skip`: top-level names to leave out (e.g. `_build`, whose report legitimately differs). */
export function treeHash(root: string, skip: readonly string[] = []): string {
  const h = createHash('sha256');
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      if (dir === root && skip.includes(name)) continue;
      const abs = path.join(dir, name);
      const rel = path.relative(root, abs);
      const st = lstatSync(abs);
      if (st.isDirectory()) {
        h.update(`d ${rel}\n`);
        walk(abs);
      } else {
        h.update(`f ${rel} ${createHash('sha256').update(readFileSync(abs)).digest('hex')}\n`);
      }
    }
  };
  walk(root);
  return h.digest('hex');
}
