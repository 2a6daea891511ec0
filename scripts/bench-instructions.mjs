// Start-up cost as instructions, not wall time: on a shared machine wall-time
// medians move by tens of percent with the load, while the instructions the
// main thread runs (callgrind) stay within about 2%. For each Node given:
// millions of main-thread instructions of its bare `node -e 0`, of
// `audit --format json` and of `lint` on a bundled example, their ratio to the
// bare start, and our own share (the difference). Node's hash seed is random,
// and testing it for a prime costs a varying few million instructions at
// start: that function (detail::sprp) is left out of every count.
// Usage: npm run bench:instructions [-- --runs 3 --example mid-size-gaps --node <path> --node <path>]
// Needs valgrind (callgrind, callgrind_annotate). Build with
// SALES_AUDIT_CACHE_NODES=<path>:<path> first, or a Node without its code
// cache is measured compiling everything (see scripts/build.mjs).
// Wall time stays the target (`npm run bench`); this shows where a change
// moved the work, and by how much, whatever else the machine is doing.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { benchArgs } from './bench-args.mjs';

const { runs, example, nodes, bin, file } = benchArgs('bench-instructions', 3);
if (spawnSync('valgrind', ['--version']).status !== 0) {
  console.error('bench-instructions: valgrind is not installed (apt-get install valgrind)');
  process.exit(2);
}

const cases = {
  'node -e 0': ['-e', '0'],
  'audit --format json': [bin, 'audit', file, '--format', 'json', '--date', '2026-11-27'],
  lint: [bin, 'lint', file, '--date', '2026-11-27'],
};

/** Millions of instructions the main thread ran (the hash seed's prime test left out), for one run of `node argv`. */
function instructions(node, argv) {
  const dir = mkdtempSync(join(tmpdir(), 'sales-audit-callgrind-'));
  try {
    // stdout is a pipe, as in CI and in `npm run bench`.
    const r = spawnSync('valgrind', ['--tool=callgrind', '--separate-threads=yes', `--callgrind-out-file=${dir}/cg.%p`, node, ...argv], { stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 28 });
    if (r.status !== 0 && r.status !== 1) throw new Error(`${node} ${argv.join(' ')} exited ${r.status}: ${String(r.stderr).slice(-2000)}`);
    const main = readdirSync(dir).find((f) => f.endsWith('-01'));
    if (!main) throw new Error(`callgrind wrote no main-thread profile for ${node} ${argv.join(' ')}`);
    const text = spawnSync('callgrind_annotate', ['--threshold=100', join(dir, main)], { encoding: 'utf8', maxBuffer: 1 << 28 }).stdout;
    const total = Number(/^([\d,]+) \(100\.0+%\)\s+PROGRAM TOTALS/m.exec(text)?.[1].replaceAll(',', ''));
    const seed = Number(/^\s*([\d,]+) \([ \d.]+%\)\s+\?\?\?:detail::sprp/m.exec(text)?.[1].replaceAll(',', '') ?? 0);
    if (!Number.isFinite(total)) throw new Error('callgrind_annotate printed no total');
    return (total - seed) / 1e6;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

console.log(`main-thread instructions (millions), median of ${runs} runs under callgrind, ratio to the same Node's bare start (example ${example})`);
for (const node of nodes) {
  const version = spawnSync(node, ['-p', 'process.version'], { encoding: 'utf8' }).stdout.trim();
  const m = {};
  for (const [k, argv] of Object.entries(cases)) m[k] = median(Array.from({ length: runs }, () => instructions(node, argv)));
  const bare = m['node -e 0'];
  const cells = Object.entries(m).map(([k, v]) => `${k} ${v.toFixed(1)} x${(v / bare).toFixed(2)}${k === 'node -e 0' ? '' : ` (own ${(v - bare).toFixed(1)})`}`);
  console.log(`node ${version}: ${cells.join('; ')}`);
}
