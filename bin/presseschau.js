#!/usr/bin/env node
// Thin launcher: the compiled CLI is lib/cli.cjs, started by lib/launch.cjs from V8's code cache
// (src/launch.cjs; both made by scripts/compile.mjs).
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const launch = fileURLToPath(new URL('../lib/launch.cjs', import.meta.url));
if (existsSync(launch)) createRequire(import.meta.url)(launch).run(process.argv.slice(2));
else {
  process.stderr.write('presseschau: lib/ fehlt oder ist veraltet (kein lib/launch.cjs); zuerst `npm run compile` (oder `npm ci`)\n');
  process.exitCode = 70;
}
