// Fuzzing the load-and-audit path (issue 13). In `npm test` the generated
// inputs are bounded to about a minute in all (FUZZ_MS, default 48,000 ms
// split over four kinds of input) from a fixed seed (FUZZ_SEED), so a run is
// repeatable; `npm run fuzz -- --minutes 10 [--seed N]` runs longer and
// keeps any failing input under test/fixtures/fuzz. Every input kept there is
// replayed first.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { damagedText, mutatedOrg, rawBytes, roster, runInput, type Outcome } from './target';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'fuzz');
const SEED = Number(process.env.FUZZ_SEED ?? 20261129);
const BUDGET = Number(process.env.FUZZ_MS ?? 48_000);
const SAVE = process.env.FUZZ_SAVE === '1';

describe('inputs the fuzz target and issue 13 found', () => {
  const files = readdirSync(FIXTURES).filter((f) => f.endsWith('.yaml'));
  it('has them', () => expect(files.length).toBeGreaterThanOrEqual(12));
  it.each(files)('%s: one line per problem with its place, exit 2, within bounds', async (f) => {
    const r = await runInput({ text: readFileSync(join(FIXTURES, f), 'utf8') });
    expect(r.code).toBe(2);
  });
});

describe('generated inputs', () => {
  const kinds: [string, fc.Arbitrary<unknown>, (v: never) => Parameters<typeof runInput>[0]][] = [
    ['bundled orgs mutated as data (values, keys, anchors and aliases)', mutatedOrg, (text: string) => ({ text })],
    ['bundled orgs damaged as text', damagedText, (text: string) => ({ text })],
    ['CSV rosters', roster, (r: { text: string; csv: string }) => r],
    ['raw bytes read from disk', rawBytes, (bytes: Uint8Array) => ({ bytes })],
  ];
  it.each(kinds)(
    '%s',
    async (name, arb, toInput) => {
      const seen: Outcome[] = [];
      const budget = BUDGET / kinds.length;
      const result = await fc.check(
        fc.asyncProperty(arb, async (v) => {
          seen.push(await runInput(toInput(v as never)));
        }),
        { seed: SEED, numRuns: 1_000_000, interruptAfterTimeLimit: budget, markInterruptAsFailure: false },
      );
      const codes = [0, 1, 2].map((c) => seen.filter((s) => s.code === c).length);
      // Not Math.max(...seen): a long run has more inputs than a call can take arguments.
      const max = (k: 'ms' | 'heapMB') => seen.reduce((m, s) => Math.max(m, s[k]), 0).toFixed(1);
      console.log(
        `fuzz ${name}: ${seen.length} inputs (seed ${SEED}, ${(budget / 1000).toFixed(0)} s): exit 0/1/2 = ${codes.join('/')}, slowest ${max('ms')} ms, largest heap growth ${max('heapMB')} MB`,
      );
      if (result.failed) {
        const input = toInput(result.counterexample![0] as never);
        if (SAVE) {
          const hash = createHash('sha256')
            .update(input.bytes ?? input.text!)
            .digest('hex')
            .slice(0, 8);
          const out = join(FIXTURES, `found-${SEED}-${kinds.findIndex((k) => k[0] === name)}-${hash}.yaml`);
          writeFileSync(out, input.bytes ?? input.text!);
          console.log(`fuzz: kept the failing input as ${out}`);
        }
        throw new Error(`${fc.defaultReportMessage(result)}\ninput: ${JSON.stringify(input).slice(0, 2000)}`);
      }
      expect(seen.length).toBeGreaterThan(10);
    },
    BUDGET + 60_000,
  );
});
