// Start-up with a V8 code cache. Node 20 has no module compile cache, and
// compiling the bundle was most of the CLI's start-up time; so the bundle is
// CommonJS, compiled here through vm.Script with the cache that the build
// wrote (dist/cli.cache). A stale or foreign cache is rejected by V8 and the
// bundle simply compiles as usual.
'use strict';
const { readFileSync, writeFileSync, renameSync } = require('node:fs');
const { createRequire, wrap } = require('node:module');
const { join } = require('node:path');
const vm = require('node:vm');

const file = join(__dirname, 'cli.cjs');
const cacheFile = join(__dirname, 'cli.cache');
let cachedData;
try {
  // Node 20 drops a script's import() callback when the script comes from a code
  // cache (ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING). The interview is the one
  // command that import()s (the prompt library), so it compiles without the cache.
  cachedData = process.argv.slice(2).includes('interview') ? undefined : readFileSync(cacheFile);
} catch {
  cachedData = undefined;
}
const script = new vm.Script(wrap(readFileSync(file, 'utf8')), {
  filename: file,
  cachedData,
  // Lets the bundle import() ESM-only packages (the prompt library) lazily.
  importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
});
if (process.env.SALES_AUDIT_DEBUG_STARTUP) {
  process.stderr.write(`sales-audit: code cache ${cachedData === undefined ? 'missing' : script.cachedDataRejected ? 'rejected' : 'accepted'}\n`);
}
if (process.env.SALES_AUDIT_WRITE_CODE_CACHE) {
  // Build step: after a representative run, save what V8 compiled.
  process.once('exit', () => {
    const tmp = `${cacheFile}.${process.pid}.tmp`;
    writeFileSync(tmp, script.createCachedData());
    renameSync(tmp, cacheFile);
  });
}
const mod = { exports: {} };
script.runInThisContext().call(mod.exports, mod.exports, createRequire(file), mod, file, __dirname);
