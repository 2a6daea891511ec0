#!/usr/bin/env node
// Thin launcher: everything lives in the bundle that dist/boot.cjs loads.
// CommonJS (see bin/package.json): an ES module entry costs Node ~10 ms more to start.
require('../dist/boot.cjs');
