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
const { join, sep } = require('node:path');
const vm = require('node:vm');

// A short run gains nothing from V8's optimizing compiler, and loses: Node
// waits at exit for an optimization still compiling on another thread (about
// 10 ms for the YAML parser). Four times the default budget before tier-up
// keeps it out of a single audit and still lets it in on a long lint of many
// files. Set before any chunk compiles: the code caches carry the flags.
// Only where the running V8 has the flag: Node 20's V8 11 does; the V8 of
// Node 22 and later dropped it and prints an error for an unknown flag. Those
// lines are told apart by a feature their V8 has (the global Iterator of the
// iterator helpers, V8 12: Node 22), never by a flag the running V8 may not
// know. Not by module.enableCompileCache (Node 22.1): loading node:module
// costs every start about 1.2 million instructions (Node 22.23), for the ES
// module loader behind it.
// No flag is set on Node 22 and later: loading node:v8 to set one costs about
// 9 million instructions there (callgrind, Node 22.23), more than the flags
// tried win back. Measured and dropped: --no-sparkplug (12-30 million more per
// command on 20, 22 and 24: the baseline code pays even in one audit),
// --concurrent-sparkplug (set at run time it crashes Node 20 and 22, signal
// 11), --regexp-tier-up-ticks=100 (4 million more on Node 22).
if (typeof Iterator !== 'function') require('node:v8').setFlagsFromString('--interrupt-budget=270336');

// A code cache only loads into the V8 that made it (version, and flags such as
// the one above), so each is named after the V8 and architecture that made it.
const cacheTag = `${process.versions.v8}-${process.arch}`;

const dist = join(__dirname, '..', 'dist');
// Chunks by name relative to dist/ ('cli.cjs', 'chunks/chunk-X.cjs').
const modules = new Map();
const scripts = [];
// Each chunk run, in order, with the script it came from (for SALES_AUDIT_DEBUG_STARTUP).
const ran = [];
// The chunks the JSON audit and lint run, in one file (dist/start.cjs, written
// by the build): one read, one compile and one code cache instead of some
// twenty-five of each. Each chunk there is its function, run when first
// required, as from its own file; a chunk not in it is read from its file.
let pack;

// A vm script that came from a code cache loses its own import() on Node 20
// (ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING), so the bundle borrows this one for
// the ESM-only packages it loads lazily (the prompt library).
// Node loads that package itself, so there its own compile cache pays (where
// the running Node has one; enabled only then, as it costs a folder look-up).
globalThis.__salesAuditImport = (specifier) => {
  const { enableCompileCache } = require('node:module');
  if (typeof enableCompileCache === 'function') enableCompileCache();
  return import(specifier);
};

// dist/start.cjs has one code cache per command it is for: `lint`'s and the
// JSON audit's (also used by every other command). Each holds only what its
// command compiled; one cache of both cost each command 2-3 million more
// instructions of deserialising (1-2% of its start-up, on Node 20, 22 and 24).
const command = process.argv.slice(2).find((a) => !a.startsWith('-'));
const startCache = command === 'lint' ? 'lint' : 'audit';

/** Compiles one built file with its code cache (when this V8 made one) and runs it; returns what it evaluates to. */
function compile(name) {
  const file = join(dist, name);
  const cacheFile = file.replace(/\.cjs$/, `${name === 'start.cjs' ? `.${startCache}` : ''}.${cacheTag}.cache`);
  let cachedData;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  // latin1: the build writes ASCII only (esbuild escapes the rest), and a
  // one-byte string is made without decoding.
  const source = readFileSync(file, 'latin1');
  const script = new vm.Script(source, { filename: file, cachedData });
  const entry = { cacheFile, script, cached: cachedData !== undefined };
  scripts.push(entry);
  return { entry, value: script.runInThisContext() };
}

function load(name) {
  const known = modules.get(name);
  if (known) return known.exports;
  if (pack === undefined) {
    try {
      const { entry, value } = compile('start.cjs');
      pack = { entry, chunks: value };
    } catch (e) {
      if (e.code !== 'ENOENT') throw e;
      pack = null;
    }
  }
  const mod = { exports: {} };
  modules.set(name, mod);
  let fn = pack?.chunks[name];
  if (fn) ran.push({ name, entry: pack.entry });
  else {
    const compiled = compile(name);
    ran.push({ name, entry: compiled.entry });
    fn = compiled.value;
  }
  // The build wrote each chunk as a function of these (see WRAPPER in scripts/build.mjs).
  // Specifiers are './chunks/x.cjs' from cli.cjs and './x.cjs' from a chunk: names
  // relative to dist/ are made by hand, as path.join on every require() showed
  // in profiles.
  const dir = name.slice(0, name.lastIndexOf('/') + 1);
  // Anything else a chunk requires is a Node built-in (the build bundles every package
  // but the prompt library, which is import()ed): this file's own require serves it.
  const chunkRequire = (specifier) => (specifier.startsWith('./') ? load(dir + specifier.slice(2)) : require(specifier));
  const file = dist + sep + (sep === '/' ? name : name.replaceAll('/', sep));
  // import.meta.url, worked out only if a chunk asks.
  const meta = {
    get url() {
      return require('node:url').pathToFileURL(file).href;
    },
  };
  fn.call(mod.exports, mod.exports, chunkRequire, mod, file, file.slice(0, file.lastIndexOf(sep)), meta);
  return mod.exports;
}

if (process.env.SALES_AUDIT_DEBUG_STARTUP) {
  // One line per chunk run, in load order (the tests check what each command loads);
  // one run from dist/start.cjs is listed under its own name, with that file's cache state.
  process.once('exit', () => {
    for (const { name, entry } of ran) {
      const state = !entry.cached ? 'missing' : entry.script.cachedDataRejected ? 'rejected' : 'accepted';
      process.stderr.write(`sales-audit: loaded ${name}, code cache ${state}\n`);
    }
  });
}
if (process.env.SALES_AUDIT_WRITE_CODE_CACHE) {
  // Build step: after a representative run, save what V8 compiled (but for
  // dist/start.cjs when the value is 'skip-start': its cache is made by the
  // JSON audit and lint alone, as deserialising what other commands compiled
  // would cost them every start).
  const skipStart = process.env.SALES_AUDIT_WRITE_CODE_CACHE === 'skip-start';
  process.once('exit', () => {
    for (const { cacheFile, script } of scripts) {
      if (skipStart && cacheFile.startsWith(join(dist, 'start.'))) continue;
      const tmp = `${cacheFile}.${process.pid}.tmp`;
      writeFileSync(tmp, script.createCachedData());
      renameSync(tmp, cacheFile);
    }
  });
}
try {
  load('cli.cjs');
} catch (e) {
  if (e.code !== 'ENOENT' || modules.size > 1) throw e;
  process.stderr.write('sales-audit: the CLI is not built (dist/cli.cjs is missing): run `npm run build` in its folder\n');
  process.exitCode = 2;
}
