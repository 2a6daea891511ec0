// The supported Node lines (20.17+, 22, 24) run the same build: every command
// must be clean on stderr (nothing that is not the tool's own message: no V8
// flag errors, no warnings) and write the same bytes on each. The Nodes come
// from SALES_AUDIT_TEST_NODES (paths separated by ':'; .ci/run installs 22 and
// 24 from npm and sets it, with SALES_AUDIT_REQUIRE_NODES=1 so that a missing
// line fails), beside the Node running the tests.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, DATE, ROOT } from './run';

const NODES = [...new Set([process.execPath, ...(process.env.SALES_AUDIT_TEST_NODES ?? '').split(delimiter).filter(Boolean)])];
const LINT = join(ROOT, 'test/fixtures/lint');

function run(node: string, args: string[], cwd = ROOT, env: Record<string, string> = {}) {
  const r = spawnSync(node, [BIN, ...args], { cwd, env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env }, input: '', encoding: 'utf8', timeout: 30_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, error: r.error };
}
const version = (node: string) => spawnSync(node, ['-p', 'process.versions.node'], { encoding: 'utf8' }).stdout.trim();

const example = (name: string) => `templates/examples/${name}.yaml`;
// [what, argv, exit code]: every command, and every report format that goes to stdout.
const CASES: [string, string[], number][] = [
  ['audit json', ['audit', example('mid-size-gaps'), '--format', 'json', '--date', DATE], 0],
  ['audit markdown', ['audit', example('mid-size-gaps'), '--format', 'markdown', '--date', DATE], 0],
  ['audit text', ['audit', example('struggling-startup'), '--date', DATE], 0],
  ['audit html', ['audit', example('healthy-org'), '--format', 'html', '--date', DATE], 0],
  ['audit csv', ['audit', example('mid-size-gaps'), '--format', 'csv', '--date', DATE], 0],
  ['audit roster', ['audit', '--example', 'roster-team', '--format', 'json', '--date', DATE], 0],
  ['lint sarif', ['lint', example('healthy-org'), '--format', 'sarif', '--date', DATE], 0],
  ['lint stylish', ['lint', example('healthy-org'), '--date', DATE], 0],
  ['lint junit', ['lint', example('healthy-org'), '--format', 'junit', '--date', DATE], 0],
  ['lint json (glob)', ['lint', 'templates/examples/*.yaml', '--format', 'json', '--date', DATE, '--no-config'], 1],
  ['lint sarif (many files)', ['lint', `${LINT}/*.yaml`, '--format', 'sarif', '--date', DATE], 2],
  ['rules', ['rules'], 0],
  ['rules json', ['rules', '--format', 'json'], 0],
  ['explain', ['explain', 'selling-time'], 0],
  ['schema', ['schema'], 0],
  ['schema --config', ['schema', '--config'], 0],
  ['--help', ['--help'], 0],
  ['lint --help', ['lint', '--help'], 0],
  ['--version', ['--version'], 0],
  ['a bad file', ['audit', 'no-such-file.yaml'], 2],
  ['questionnaire yaml (roster)', ['questionnaire', '--for', 'management', '--org', example('roster-team')], 0],
  ['questionnaire html', ['questionnaire', '--for', 'reps', '--anonymous', '--format', 'html'], 0],
];

describe(`every supported Node line gives the same bytes, clean on stderr (${NODES.length} Node${NODES.length > 1 ? 's' : ''})`, () => {
  it('the Nodes under test cover 20, 22 and 24 when CI requires it', () => {
    const majors = NODES.map((n) => Number(version(n).split('.')[0]));
    for (const m of majors) expect(m).toBeGreaterThanOrEqual(20);
    if (process.env.SALES_AUDIT_REQUIRE_NODES === '1') expect(new Set(majors)).toEqual(new Set([20, 22, 24]));
  });

  it.each(CASES)('%s', (_what, args, code) => {
    const results = NODES.map((node) => ({ node, ...run(node, args) }));
    const [first] = results;
    for (const r of results) {
      expect(r.error, r.node).toBeUndefined();
      expect(r.code, `${r.node}: ${r.stderr}`).toBe(code);
      // A run that succeeds prints nothing on stderr; one that stops says why in the tool's own words only.
      if (code === 0) expect(r.stderr, r.node).toBe('');
      else
        expect(
          r.stderr
            .split('\n')
            .filter(Boolean)
            .every((l) => /^(sales-audit: |no-such-file\.yaml: |\S+\.ya?ml:)/.test(l)),
          `${r.node}: ${r.stderr}`,
        ).toBe(true);
      expect(r.stdout, `${r.node} writes what ${first!.node} writes`).toBe(first!.stdout);
      expect(r.stderr, `${r.node} says what ${first!.node} says`).toBe(first!.stderr);
    }
  });

  // Past 1 MiB of YAML the CLI tunes V8's young generation on Node 24 (src/load/heap.ts): the flag it
  // sets must be one that V8 knows (an unknown one prints "unrecognized flag" on stderr).
  it('a large org file (over 1 MiB, 5,000 people) gives the same JSON on every Node, clean on stderr', () => {
    const text = readFileSync(join(ROOT, example('mid-size-gaps')), 'utf8');
    const lines = text.split('\n');
    const start = lines.indexOf('people:') + 1;
    let end = start;
    while (end < lines.length && (lines[end]!.startsWith(' ') || lines[end] === '')) end++;
    const people = lines.slice(start, end).join('\n');
    const body = Array.from({ length: 500 }, (_, k) => people.replace(/^ {2}- name: (.*)$/gm, `  - name: $1 r${k}`)).join('\n');
    const file = join(mkdtempSync(join(tmpdir(), 'sales-audit-large-')), 'large.yaml');
    writeFileSync(file, [...lines.slice(0, start), body, ...lines.slice(end)].join('\n'));
    expect(readFileSync(file).length).toBeGreaterThan(1024 * 1024);
    const results = NODES.map((node) => ({ node, ...run(node, ['audit', file, '--format', 'json', '--date', DATE]) }));
    for (const r of results) {
      expect(r.code, `${r.node}: ${r.stderr}`).toBe(0);
      expect(r.stderr, r.node).toBe('');
      expect(r.stdout, `${r.node} writes what ${results[0]!.node} writes`).toBe(results[0]!.stdout);
    }
  }, 60_000);

  it('init writes the same files on every Node', () => {
    const outputs = NODES.map((node) => {
      const dir = mkdtempSync(join(tmpdir(), 'sales-audit-nodes-'));
      const r = run(node, ['init', 'acme.yaml', '--template', 'scaling-team'], dir);
      expect(r.code, r.stderr).toBe(0);
      return spawnSync('sh', ['-c', 'cat acme.yaml sales-audit.schema.json'], { cwd: dir, encoding: 'utf8' }).stdout;
    });
    for (const o of outputs) expect(o).toBe(outputs[0]);
  });

  it('each Node loads the chunks with a code cache its own V8 accepts (the build warms one per Node in SALES_AUDIT_CACHE_NODES)', () => {
    for (const node of NODES) {
      const r = run(node, ['audit', example('mid-size-gaps'), '--format', 'json', '--date', DATE], ROOT, { SALES_AUDIT_DEBUG_STARTUP: '1' });
      const states = [...r.stderr.matchAll(/^sales-audit: loaded (\S+), code cache (\w+)$/gm)].map((m) => `${m[1]} ${m[2]}`);
      expect(states.length, node).toBeGreaterThan(3);
      expect(
        states.filter((s) => !s.endsWith(' accepted')),
        `${node} (${version(node)}): build with SALES_AUDIT_CACHE_NODES naming it`,
      ).toEqual([]);
    }
  });
});
