// Start-up with V8 code caches. Node 20 has no module compile cache, and
// compiling the bundle was most of the CLI's start-up time. So the build
// writes the CLI as CommonJS chunks (dist/cli.cjs and dist/chunks/*.cjs),
// each with the code cache of a representative run beside it (*.cache), and
// this loader compiles them through vm.Script with that cache. A chunk is read
// only when the command first needs it. A stale or foreign cache is rejected
// by V8 and the chunk simply compiles as usual.
'use strict';
const { readFileSync, writeFileSync, renameSync } = require('node:fs');
const { createRequire } = require('node:module');
const { dirname, join } = require('node:path');
const vm = require('node:vm');

const nodeRequire = createRequire(__filename);
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
      process.stderr.write(`sales-audit: loaded ${file.slice(__dirname.length + 1)}, code cache ${state}\n`);
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
load(join(__dirname, 'cli.cjs'));
