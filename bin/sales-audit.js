#!/usr/bin/env node
// The launcher. The CLI itself is built (npm run build) into CommonJS chunks
// under dist/: dist/cli.cjs and dist/chunks/*.cjs, each with the V8 code cache
// of a representative run beside it (*.<V8 version>-<arch>.cache, one per Node
// line the build warmed). Compiling was most of the start-up time, so this
// compiles each chunk through vm.Script with the cache made by the running V8,
// and reads a chunk only when the command first needs it. A chunk without a
// cache for this V8 (or one V8 rejects) simply compiles as usual.
//
// Why not Node's own compile cache (module.enableCompileCache, Node 22.1+) for
// the chunks: it stores the code V8 compiles while loading a file, before it
// runs, which for a bundle is the top level only (3 KB of cache for the 11 KB
// entry chunk); a cache made after a representative run also holds every
// function the command calls. Measured on Node 22.23 (JSON audit of the
// mid-size example, median of 15; bare start 23 ms): 56 ms with Node's cache,
// 45 ms with this one, 72 ms with none. So this stays on every line, and
// Node's cache is used where it pays: for packages Node loads itself (the
// interview's prompt library).
// It lives here, not in a module of its own, because loading one more file
// costs every start a few ms. CommonJS (see bin/package.json): an ES module
// entry costs Node ~10 ms more to start.
'use strict';
const { readFileSync, writeFileSync, renameSync } = require('node:fs');
const nodeModule = require('node:module');
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
const nativeCompileCache = typeof nodeModule.enableCompileCache === 'function';
if (!nativeCompileCache) require('node:v8').setFlagsFromString('--interrupt-budget=270336');

// A code cache only loads into the V8 that made it (version, and flags such as
// the one above), so each is named after the V8 and architecture that made it.
const cacheTag = `${process.versions.v8}-${process.arch}`;

const dist = join(__dirname, '..', 'dist');
const nodeRequire = nodeModule.createRequire(join(dist, 'cli.cjs'));
const modules = new Map();
const scripts = [];

// A vm script that came from a code cache loses its own import() on Node 20
// (ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING), so the bundle borrows this one for
// the ESM-only packages it loads lazily (the prompt library).
// Node loads that package itself, so there its own compile cache pays (where
// the running Node has one; enabled only then, as it costs a folder look-up).
globalThis.__salesAuditImport = (specifier) => {
  if (nativeCompileCache) nodeModule.enableCompileCache();
  return import(specifier);
};

function load(file) {
  const known = modules.get(file);
  if (known) return known.exports;
  const mod = { exports: {} };
  modules.set(file, mod);
  const cacheFile = file.replace(/\.cjs$/, `.${cacheTag}.cache`);
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
