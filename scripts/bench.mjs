// Cold-start benchmark: wall time of `sales-audit audit <example> --format json`
// against bare `node -e 0`, run alternately so machine noise hits both alike.
// Prints the medians and their ratio; the target is a ratio of at most 1.5.
// Usage: npm run bench [-- --runs 21 --example mid-size-gaps]
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const opt = (name, def) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : def;
};
const runs = Number(opt('runs', 21));
const example = opt('example', 'mid-size-gaps');
const root = fileURLToPath(new URL('..', import.meta.url));
const bin = `${root}bin/sales-audit.js`;
const file = `${root}templates/examples/${example}.yaml`;
if (!existsSync(`${root}dist/cli.cjs`)) {
  console.error('bench: dist/cli.cjs is missing; run `npm run build` first');
  process.exit(2);
}

const time = (argv) => {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, argv, { stdio: ['ignore', 'pipe', 'pipe'] });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${argv.join(' ')} exited ${r.status}: ${r.stderr}`);
  return ms;
};
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};

const cases = {
  'node -e 0': ['-e', '0'],
  'audit --format json': [bin, 'audit', file, '--format', 'json', '--date', '2026-11-27'],
  'audit (text)': [bin, 'audit', file, '--date', '2026-11-27'],
  'rules --format json': [bin, 'rules', '--format', 'json'],
};
const times = Object.fromEntries(Object.keys(cases).map((k) => [k, []]));
// Warm the OS file cache once, then alternate.
for (const argv of Object.values(cases)) time(argv);
for (let i = 0; i < runs; i++) for (const [k, argv] of Object.entries(cases)) times[k].push(time(argv));

const base = median(times['node -e 0']);
console.log(`cold start, median of ${runs} runs (node ${process.version}, example ${example})`);
for (const [k, xs] of Object.entries(times)) {
  const m = median(xs);
  console.log(`  ${k.padEnd(22)} ${m.toFixed(1).padStart(7)} ms   x${(m / base).toFixed(2)}   (min ${Math.min(...xs).toFixed(1)}, max ${Math.max(...xs).toFixed(1)})`);
}
const ratio = median(times['audit --format json']) / base;
console.log(`audit --format json / node -e 0 = ${ratio.toFixed(2)} (target <= 1.50): ${ratio <= 1.5 ? 'OK' : 'OVER TARGET'}`);
