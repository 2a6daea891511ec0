#!/usr/bin/env node
// Thin launcher: everything lives in the bundled CLI (see scripts/build.mjs).
import '../dist/cli.js';
