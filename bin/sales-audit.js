#!/usr/bin/env node
// The launcher. The CLI itself is built (npm run build) into CommonJS chunks
// under dist/: dist/cli.cjs and dist/chunks/*.cjs, each with the V8 code cache
// of a representative run beside it (*.cache). Node 20 has no module compile
// cache, and compiling was most of the start-up time, so this compiles each
// chunk through vm.Script with its cache, and reads a chunk only when the
// command first needs it. A stale or foreign cache is rejected by V8 and the
// chunk simply compiles as usual. It lives here, not in a module of its own,
// because loading one more file costs every start a few ms. CommonJS (see
// bin/package.json): an ES module entry costs Node ~10 ms more to start.
'use strict';
const { readFileSync, writeFileSync, renameSync } = require('node:fs');
const { createRequire } = require('node:module');
const { dirname, join } = require('node:path');
const vm = require('node:vm');

// A short run gains nothing from V8's optimizing compiler, and loses: Node
// waits at exit for an optimization still compiling on another thread (about
// 10 ms for the YAML parser). Four times the default budget before tier-up
// keeps it out of a single audit and still lets it in on a long lint of many
// files. Set before any chunk compiles: the code caches carry the flags.
// Only where the running V8 has the flag: Node 20's V8 11 does; the V8 of
// Node 22 and later dropped it and prints an error for an unknown flag. Those
// lines are told apart by a feature they have (module.enableCompileCache,
// from 22.1), never by a flag the running V8 may not know.
if (typeof require('node:module').enableCompileCache !== 'function') require('node:v8').setFlagsFromString('--interrupt-budget=270336');

const dist = join(__dirname, '..', 'dist');
const nodeRequire = createRequire(join(dist, 'cli.cjs'));
const modules = new Map();
const scripts = [];

// A vm script that came from a code cache loses its own import() on Node 20
// (ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING), so the bundle borrows this one for
// the ESM-only packages it loads lazily (the prompt library).
globalThis.__salesAuditImport = (specifier) => import(specifier);

function load(file) {
  const known = modules.get(file);
  if (known) return known.exports;
  const mod = { exports: {} };
  modules.set(file, mod);
  const cacheFile = file.replace(/\.cjs$/, '.cache');
  let cachedData;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  const source = readFileSync(file, 'utf8');
  // The build wrote the chunk as a function of these (see WRAPPER in scripts/build.mjs).
  const script = new vm.Script(source, { filename: file, cachedData });
  scripts.push({ file, cacheFile, script, cached: cachedData !== undefined });
  const dir = dirname(file);
  const chunkRequire = (specifier) => (specifier.startsWith('.') ? load(join(dir, specifier)) : nodeRequire(specifier));
  // import.meta.url, worked out only if a chunk asks.
  const meta = {
    get url() {
      return require('node:url').pathToFileURL(file).href;
    },
  };
  script.runInThisContext().call(mod.exports, mod.exports, chunkRequire, mod, file, dir, meta);
  return mod.exports;
}

if (process.env.SALES_AUDIT_DEBUG_STARTUP) {
  // One line per chunk read, in load order (the tests check what each command loads).
  process.once('exit', () => {
    for (const { file, script, cached } of scripts) {
      const state = !cached ? 'missing' : script.cachedDataRejected ? 'rejected' : 'accepted';
      process.stderr.write(`sales-audit: loaded ${file.slice(dist.length + 1)}, code cache ${state}\n`);
    }
  });
}
if (process.env.SALES_AUDIT_WRITE_CODE_CACHE) {
  // Build step: after a representative run, save what V8 compiled.
  process.once('exit', () => {
    for (const { cacheFile, script } of scripts) {
      const tmp = `${cacheFile}.${process.pid}.tmp`;
      writeFileSync(tmp, script.createCachedData());
      renameSync(tmp, cacheFile);
    }
  });
}
try {
  load(join(dist, 'cli.cjs'));
} catch (e) {
  if (e.code !== 'ENOENT' || modules.size > 1) throw e;
  process.stderr.write('sales-audit: the CLI is not built (dist/cli.cjs is missing): run `npm run build` in its folder\n');
  process.exitCode = 2;
}
