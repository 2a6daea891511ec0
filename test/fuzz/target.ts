// The fuzz target (issue 13): the real load-and-audit path, in process, on
// generated inputs. For every input it checks what the CLI promises: exit 0,
// 1 or 2; no uncaught exception; every diagnostic one line, with a position
// where the input has one; a JSON report that parses, with numbers where
// numbers belong; time and memory within FUZZ_LIMITS. The arbitraries mutate
// the bundled orgs as data and as bytes, and build CSV rosters and raw bytes.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { Document, parse } from 'yaml';
import { rules } from '../../rules/index';
import { waiverDiagnostics } from '../../src/config/waivers';
import { checkGates } from '../../src/engine/gates';
import { runAudit } from '../../src/engine/run';
import { formatDiagnostic, type Diagnostic } from '../../src/load/diagnostics';
import { loadOrgFile, loadOrgText } from '../../src/load/load';
import { rosterColumns } from '../../src/load/roster';
import { render } from '../../src/report/index';

/** Per input: wall time and growth of the JS heap. Generous: they catch hangs and balloons, not slowness. */
export const FUZZ_LIMITS = { ms: 5_000, heapMB: 512 };

const ROOT = join(import.meta.dirname, '..', '..');
export const BUNDLED = ['examples', 'init'].flatMap((d) =>
  readdirSync(join(ROOT, 'templates', d))
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => readFileSync(join(ROOT, 'templates', d, f), 'utf8')),
);

// Whole-file problems have no line to point at; every other diagnostic must have one.
const WHOLE_FILE = /^(is a binary file|is UTF-16 text|is over 5 MB|is a directory|no such file|is a named pipe|is a device|roster ")/;

export interface Outcome {
  code: 0 | 1 | 2;
  ms: number;
  heapMB: number;
}

const work = mkdtempSync(join(tmpdir(), 'sales-audit-fuzz-'));
const ids = rules.map((r) => r.id);

/** Runs one input through load, audit and the JSON report; throws (the property fails) on any broken promise. */
export async function runInput(input: { text?: string; bytes?: Uint8Array; csv?: string }): Promise<Outcome> {
  const heap0 = process.memoryUsage().heapUsed;
  const t0 = performance.now();
  if (input.csv !== undefined) writeFileSync(join(work, 'reps.csv'), input.csv);
  let loaded;
  if (input.bytes) {
    writeFileSync(join(work, 'org.yaml'), input.bytes);
    loaded = await loadOrgFile(join(work, 'org.yaml'), 'org.yaml');
  } else loaded = await loadOrgText(input.text!, 'org.yaml', { baseDir: work });
  let code: 0 | 1 | 2;
  if (!loaded.ok) {
    checkDiagnostics(loaded.diagnostics);
    code = 2;
  } else {
    const bad = waiverDiagnostics(loaded.value, ids);
    if (bad.length) {
      checkDiagnostics(bad);
      code = 2;
    } else {
      const report = runAudit({
        org: loaded.value.org,
        date: '2026-11-27',
        rules,
        file: 'org.yaml',
        locate: (p) => loaded.value.positions.locate(p),
        unknowns: loaded.value.unknowns,
        settings: {},
        toolVersion: '0.0.0',
      });
      checkJson(await render('json', report, { color: false }));
      code = checkGates(report, { failUnder: 50, failOn: 'critical' }).length ? 1 : 0;
    }
  }
  const ms = performance.now() - t0;
  const heapMB = (process.memoryUsage().heapUsed - heap0) / 2 ** 20;
  if (ms > FUZZ_LIMITS.ms) throw new Error(`took ${ms.toFixed(0)} ms (limit ${FUZZ_LIMITS.ms})`);
  if (heapMB > FUZZ_LIMITS.heapMB) throw new Error(`grew the heap by ${heapMB.toFixed(0)} MB (limit ${FUZZ_LIMITS.heapMB})`);
  return { code, ms, heapMB };
}

function checkDiagnostics(ds: Diagnostic[]): void {
  if (!ds.length) throw new Error('a failed load without a diagnostic');
  for (const d of ds) {
    const line = formatDiagnostic(d);
    if (/[\r\n]/.test(line)) throw new Error(`a diagnostic on more than one line: ${JSON.stringify(line)}`);
    if (/internal error|Maximum call stack|\bat \w+ \(/.test(line)) throw new Error(`a crash reported as a diagnostic: ${line}`);
    if (d.line === undefined && !WHOLE_FILE.test(d.message)) throw new Error(`a diagnostic without a position: ${line}`);
    if (d.line !== undefined && !(Number.isInteger(d.line) && d.line >= 1 && Number.isInteger(d.column) && d.column! >= 1)) throw new Error(`a bad position: ${line}`);
  }
}

function checkJson(json: string): void {
  const r = JSON.parse(json) as { summary: Record<string, unknown> & { counts: Record<string, unknown>; findings: Record<string, unknown> } };
  const { summary } = r;
  const number = (v: unknown, what: string, nullable = false) => {
    if (nullable && v === null) return;
    if (typeof v !== 'number' || !Number.isFinite(v)) throw new Error(`${what} is ${JSON.stringify(v)}, not a number`);
  };
  number(summary.score, 'summary.score', true);
  number(summary.coverage, 'summary.coverage');
  number(summary.fatal, 'summary.fatal');
  for (const [k, v] of Object.entries(summary.counts)) number(v, `summary.counts.${k}`);
  for (const [k, v] of Object.entries(summary.findings)) number(v, `summary.findings.${k}`);
}

// ---- arbitraries ----

const KEYS = [
  'name',
  'title',
  'is_rep',
  'attainment',
  'coaching',
  'actions',
  'plan',
  'documented',
  'covers',
  'people',
  'tools',
  'crm',
  'unknown',
  '__proto__',
  'constructor',
  'prototype',
  '<<',
  '',
  ' ',
  'a.b',
  'x[0]',
];
const scalar = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom('unknown', 'none', 'yes', 'true', '~', 'null', '2026-02-30', '2026-04-01', '0.8', '45%', 'NaN', '.inf', '-0', '1e400', '\u0000', '\u001b[2J', 'a\nb'),
  fc.integer({ min: -5, max: 200 }),
  fc.double({ noNaN: false }),
  fc.boolean(),
  fc.constant(null),
);
const value: fc.Arbitrary<unknown> = fc.letrec<{ v: unknown }>((tie) => ({
  v: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalar,
    fc.array(tie('v'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(fc.constantFrom(...KEYS), fc.string({ maxLength: 6 })), tie('v'), { maxKeys: 4 }),
  ),
})).v;

// An edit that keeps the value's type (a number stays a number), so some mutated orgs still audit.
const SAME_TYPE = Symbol('same type');
const nudge = (old: unknown, n: number): unknown => (typeof old === 'number' ? n % 101 : typeof old === 'boolean' ? !old : typeof old === 'string' ? `${old} ${n}` : old);

/** A bundled org with a few of its values replaced (and some shared, so the YAML has anchors and aliases). */
export const mutatedOrg = fc
  .tuple(fc.nat(BUNDLED.length - 1), fc.array(fc.tuple(fc.nat(), fc.oneof(value, fc.constant(SAME_TYPE), fc.constant(SAME_TYPE)), fc.boolean()), { maxLength: 5 }))
  .map(([i, edits]) => {
    const data = parse(BUNDLED[i]!) as Record<string, unknown>;
    const slots: [Record<string, unknown> | unknown[], string | number][] = [];
    const walk = (v: unknown) => {
      if (Array.isArray(v)) v.forEach((x, j) => (slots.push([v, j]), walk(x)));
      else if (v && typeof v === 'object')
        for (const [k, x] of Object.entries(v)) {
          slots.push([v as Record<string, unknown>, k]);
          walk(x);
        }
    };
    walk(data);
    let shared: unknown;
    for (const [n, v, share] of edits) {
      const [parent, key] = slots[n % slots.length]!;
      // A shared object is written once with an anchor, then as aliases.
      const old = (parent as Record<string | number, unknown>)[key];
      const put = v === SAME_TYPE ? nudge(old, n) : share && shared !== undefined ? shared : v;
      if (share && v && typeof v === 'object') shared = v;
      (parent as Record<string | number, unknown>)[key] = put;
    }
    return new Document(data).toString();
  });

const TOKENS = [
  '&a ',
  '*a',
  '<<: *a',
  '? ',
  '[',
  ']',
  '{',
  '}',
  ': ',
  '- ',
  '\t',
  '\u0000',
  '\uFEFF',
  '#',
  '"',
  "'",
  '|\n',
  '>\n',
  '\n',
  '\r\n',
  '~: x\n',
  '---\n',
  '%YAML 1.2\n',
  '!!str ',
  '__proto__: ',
  '\u2028',
  '\\',
];
/** A bundled org's text with bytes inserted, deleted or repeated. */
export const damagedText = fc
  .tuple(fc.nat(BUNDLED.length - 1), fc.array(fc.tuple(fc.nat(), fc.nat(40), fc.oneof(fc.constantFrom(...TOKENS), fc.string({ maxLength: 4 }))), { minLength: 1, maxLength: 8 }))
  .map(([i, edits]) => {
    let t = BUNDLED[i]!;
    for (const [at, del, ins] of edits) {
      const p = at % (t.length + 1);
      t = t.slice(0, p) + ins + t.slice(p + (del % 3 === 0 ? del : 0));
    }
    return t;
  });

/** A CSV roster named by a small org file: known and unknown columns, quotes, delimiters, lists, actions. */
export const roster = fc
  .tuple(
    fc.subarray(rosterColumns(), { minLength: 1, maxLength: 8 }),
    fc.constantFrom(',', ';', '\t'),
    fc.array(
      fc.array(fc.oneof(fc.constantFrom('AE 1', 'true', 'no', '45;40', '2026-04-01 pay_cut', 'unknown', '"q,"', '"a\nb"', '', '150', 'individual'), fc.string({ maxLength: 5 })), {
        minLength: 1,
        maxLength: 8,
      }),
      { maxLength: 6 },
    ),
  )
  .map(([cols, d, rows]) => ({
    text: 'company:\n  name: Acme\npeople_csv: reps.csv\n',
    csv: `${cols.join(d)}\n${rows.map((r) => r.slice(0, cols.length).join(d)).join('\n')}\n`,
  }));

/** Any bytes, read as the org file from disk (UTF-8 checks, BOMs, NULs). */
export const rawBytes = fc.uint8Array({ maxLength: 600 });
