#!/usr/bin/env node
// Thin launcher: the compiled CLI lives in lib/ (see scripts/compile.mjs).
import { main } from '../lib/cli.js';

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`presseschau: interner Fehler: ${error?.stack ?? error}\n`);
    process.exitCode = 70;
  },
);
