#!/usr/bin/env node
// Thin launcher: everything lives in the bundle that dist/boot.cjs loads.
import { createRequire } from 'node:module';
createRequire(import.meta.url)('../dist/boot.cjs');
