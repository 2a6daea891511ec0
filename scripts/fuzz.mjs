// Longer fuzzing than `npm test` does: npm run fuzz -- [--minutes 10] [--seed N]
// Runs test/fuzz/fuzz.test.ts with that budget (split over its four kinds of
// input), prints each kind's count of inputs, exit codes, slowest input and
// largest heap growth, and keeps a failing input under test/fixtures/fuzz.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const opt = (name, def) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : def);
const minutes = Number(opt('minutes', 2));
const seed = opt('seed', String(Date.now() % 2 ** 31));
if (!(minutes > 0)) {
  console.error('fuzz: --minutes takes a number over 0');
  process.exit(2);
}
const root = fileURLToPath(new URL('..', import.meta.url));
console.log(`fuzz: ${minutes} min, seed ${seed} (repeat with --seed ${seed})`);
const r = spawnSync(process.execPath, [`${root}node_modules/vitest/vitest.mjs`, 'run', 'test/fuzz/fuzz.test.ts', '--reporter', 'verbose'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, FUZZ_MS: String(Math.round(minutes * 60_000)), FUZZ_SEED: seed, FUZZ_SAVE: '1' },
});
process.exit(r.status ?? 2);
