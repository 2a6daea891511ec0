// Cold-start benchmark: wall time of `sales-audit audit <example> --format json`
// (and `lint`, the text audit, `rules`) against the same Node's bare
// `node -e 0`, every case and every Node run in turn so machine noise hits all
// alike. Prints the medians side by side, one column per Node, and for each
// Node the ratio of the JSON audit to its bare start; the target is at most 1.5.
// Usage: npm run bench [-- --runs 21 --example mid-size-gaps --node <path> --node <path>]
// --node may be repeated; without it, the Node running this script is measured.
// A Node is only fast if the build warmed a code cache for it: build with
// SALES_AUDIT_CACHE_NODES=<path>:<path> (see scripts/build.mjs).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const opt = (name, def) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : def;
};
const all = (name) => args.flatMap((a, i) => (a === `--${name}` && args[i + 1] !== undefined ? [args[i + 1]] : []));
const runs = Number(opt('runs', 21));
const example = opt('example', 'mid-size-gaps');
const nodes = all('node').length > 0 ? all('node') : [process.execPath];
const root = fileURLToPath(new URL('..', import.meta.url));
const bin = `${root}bin/sales-audit.js`;
const file = `${root}templates/examples/${example}.yaml`;
if (!existsSync(`${root}dist/cli.cjs`)) {
  console.error('bench: dist/cli.cjs is missing; run `npm run build` first');
  process.exit(2);
}
const versions = nodes.map((node) => {
  const r = spawnSync(node, ['-p', 'process.version'], { encoding: 'utf8' });
  if (r.status !== 0) {
    console.error(`bench: cannot run ${node}: ${r.error?.message ?? r.stderr.trim()}`);
    process.exit(2);
  }
  return r.stdout.trim();
});

const time = (node, argv) => {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(node, argv, { stdio: ['ignore', 'pipe', 'pipe'] });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${node} ${argv.join(' ')} exited ${r.status}: ${r.stderr}`);
  return ms;
};
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};

const cases = {
  'node -e 0': ['-e', '0'],
  'audit --format json': [bin, 'audit', file, '--format', 'json', '--date', '2026-11-27'],
  lint: [bin, 'lint', file, '--date', '2026-11-27'],
  'audit (text)': [bin, 'audit', file, '--date', '2026-11-27'],
  'rules --format json': [bin, 'rules', '--format', 'json'],
};
const times = nodes.map(() => Object.fromEntries(Object.keys(cases).map((k) => [k, []])));
// Warm the OS file cache once, then alternate.
for (const node of nodes) for (const argv of Object.values(cases)) time(node, argv);
for (let i = 0; i < runs; i++) nodes.forEach((node, n) => Object.entries(cases).forEach(([k, argv]) => times[n][k].push(time(node, argv))));

console.log(`cold start, median of ${runs} runs in ms, and its ratio to the same Node's bare start (example ${example})`);
const col = 20;
console.log(`  ${''.padEnd(22)}${versions.map((v) => `node ${v}`.padStart(col)).join('')}`);
for (const k of Object.keys(cases)) {
  const cells = times.map((t) => {
    const m = median(t[k]);
    return `${m.toFixed(1)} x${(m / median(t['node -e 0'])).toFixed(2)}`.padStart(col);
  });
  console.log(`  ${k.padEnd(22)}${cells.join('')}`);
}
let over = false;
versions.forEach((v, n) => {
  const ratio = median(times[n]['audit --format json']) / median(times[n]['node -e 0']);
  over ||= ratio > 1.5;
  console.log(`node ${v}: audit --format json / node -e 0 = ${ratio.toFixed(2)} (target <= 1.50): ${ratio <= 1.5 ? 'OK' : 'OVER TARGET'}`);
});
