#!/usr/bin/env node
// Thin launcher: the compiled CLI is lib/cli.cjs, started by lib/launch.cjs from V8's code cache
// (src/launch.cjs; both made by scripts/compile.mjs).
import { createRequire } from 'node:module';

createRequire(import.meta.url)('../lib/launch.cjs').run(process.argv.slice(2));
