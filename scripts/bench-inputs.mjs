// Pathological-input benchmark (issue 13): wall time, peak memory and exit
// code of `sales-audit audit <file> --format json` on hostile files generated
// here. Each should end in a second or two with one line and exit 2 (or a
// correct audit), never a crash, a hang or a multi-gigabyte run.
// Usage: npm run bench:inputs [-- --only keys]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin/sales-audit.js');
if (!existsSync(join(root, 'dist/cli.cjs'))) {
  console.error('bench: dist/cli.cjs is missing; run `npm run build` first');
  process.exit(2);
}
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
const range = (n, f) => Array.from({ length: n }, (_, i) => f(i)).join('');

const inputs = {
  'cycle (11 bytes)': 'a: &a [*a]\n',
  'wide cycle (130 aliases)': `a: &a [${Array(130).fill('*a').join(',')}]\n`,
  'nested cycle through anchors': `${range(30, (i) => `k${i}: &a${i} [${i ? `*a${i - 1}, ` : ''}&x${i} {v: [*a${i}]}]\n`)}`,
  '__proto__ holding tools:': '__proto__:\n  tools:\n    crm: crm\n',
  '20,000 unknown keys in one mapping': `company:\n${range(20_000, (i) => `  k${i}: 1\n`)}`,
  '100,000 unknown keys in one mapping': `company:\n${range(100_000, (i) => `  k${i}: 1\n`)}`,
  '20,000 anchors each aliased once': `people:\n${range(10_000, (i) => `  - name: &n${i} Person ${i}\n  - name: *n${i}\n`)}`,
  '700,000 empty people (2.1 MB)': `people: [${Array(700_000).fill('{}').join(',')}]\n`,
  'billion laughs (9 levels of 9)': range(
    9,
    (i) =>
      `${'abcdefghi'[i]}: &${'abcdefghi'[i]} [${Array(9)
        .fill(i ? `*${'abcdefghi'[i - 1]}` : 'lol')
        .join(', ')}]\n`,
  ),
  'nesting 20,000 deep': `a: ${'['.repeat(20_000)}${']'.repeat(20_000)}\n`,
  'complex key': 'company:\n  name: x\n? [a, b]\n: 1\n',
};

const dir = mkdtempSync(join(tmpdir(), 'sales-audit-bench-'));
// Peak memory is read in the child itself and written to fd 3.
const probe = `process.on('exit', () => require('fs').writeSync(3, String(process.resourceUsage().maxRSS)));
process.argv.splice(1, 0, ${JSON.stringify(bin)}); import(${JSON.stringify(`file://${bin}`)});`;
console.log(`pathological inputs, audit --format json (node ${process.version})`);
console.log(`  ${'input'.padEnd(38)} ${'bytes'.padStart(9)} ${'time'.padStart(9)} ${'peak RSS'.padStart(9)}  exit  stderr (first line)`);
try {
  for (const [name, text] of Object.entries(inputs)) {
    if (only && !name.includes(only)) continue;
    const file = join(dir, 'org.yaml');
    writeFileSync(file, text);
    const t0 = process.hrtime.bigint();
    const r = spawnSync(process.execPath, ['-e', probe, 'audit', file, '--format', 'json', '--date', '2026-11-27'], {
      stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
      maxBuffer: 1 << 30,
      timeout: 300_000,
    });
    const s = Number(process.hrtime.bigint() - t0) / 1e9;
    const rss = Number(r.output[3]?.toString() || 0) / 1024;
    const first = (r.stderr.toString().split('\n')[0] ?? '').replace(dir, '').slice(0, 70);
    console.log(
      `  ${name.padEnd(38)} ${String(text.length).padStart(9)} ${`${s.toFixed(2)} s`.padStart(9)} ${`${rss.toFixed(0)} MB`.padStart(9)}  ${String(r.status ?? r.signal).padStart(4)}  ${first}`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
