import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import vm from 'node:vm';
import Ajv2020 from 'ajv/dist/2020';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { BIN, bundleFiles, cli, cliForAnyUser, DATE, EXAMPLES, loadedChunks, NODE, ROOT } from './run';
import { HEADLINES } from '../helpers/headlines';
import { rules } from '../../rules/index';

const tmp = () => mkdtempSync(join(tmpdir(), 'sales-audit-e2e-'));
const ANSI = /\x1b\[[0-9;]*m/;

// Headline figures of the bundled examples, pinned in one file
// (test/snapshots/headlines.json; `npm run update-snapshots` after a deliberate
// change). Points earned out of points applicable (README, How scoring works):
// by hand, 100 x sum(weight x rule score) / sum(weight of rules that apply) was
// 15.05 (up to 17.91, known 97.14%), 62.64 (65.18, 97.37%) and 99.62 (99.62, 100%)
// with the fifteen rules of November 2026; issue 11 then moved the first two to
// 15.74 (18.60) and 64.14 (66.49): the managers' coaching capacity (a quarter of
// individual-coaching) earns for a span within the bar, and mid-size-gaps' written
// policy for its AEs counts at half for its unmanaged underperformer. (s9 fpol: that half
// credit is gone; the policy's own graded check, 0.875 for its 120-day deadline, leaves
// mid-size-gaps' manage-not-pay-cut at 0.292 and the headlines unchanged.)

describe('audit on the bundled examples', () => {
  it.each(EXAMPLES)('%s: headline score, grade and coverage', (name) => {
    const r = cli(['audit', '--example', name, '--format', 'json', '--date', DATE]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.schemaVersion).toBe(2);
    const { score, upTo, grade, coverage, fatal, gradeStatus } = report.summary;
    expect({ score, upTo, grade, coverage, fatal, gradeStatus }).toEqual(HEADLINES[name]);
    expect(report.rules).toHaveLength(rules.length);
    for (const rule of report.rules) expect(['pass', 'partial', 'fail', 'incomplete', 'not-assessed', 'not-applicable', 'waived', 'error']).toContain(rule.status);
    expect(report.rules.filter((x: { status: string }) => x.status === 'error')).toEqual([]);
  });

  it.each(['text', 'markdown', 'json'])('%s output is byte-identical across two runs', (format) => {
    const a = cli(['audit', '--example', 'mid-size-gaps', '--format', format, '--date', DATE]);
    const b = cli(['audit', '--example', 'mid-size-gaps', '--format', format, '--date', DATE]);
    expect(a.code).toBe(0);
    expect(a.stdout.length).toBeGreaterThan(500);
    expect(b.stdout).toBe(a.stdout);
  });

  it('text report: header, categories, fatal findings first with evidence, checklist with gains', () => {
    const r = cli(['audit', '--example', 'struggling-startup', '--date', DATE]);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(ANSI);
    const h = HEADLINES['struggling-startup'];
    expect(r.stdout).toMatch(new RegExp(`\n  Score ${h.score}/100, up to ${h.upTo} once \\d+ facts are known\n  Grade ${h.grade}   Coverage ${h.coverage}%\n`));
    expect(r.stdout).toMatch(/Categories\n {2}Leadership/);
    const findings = r.stdout.slice(r.stdout.indexOf('Findings'));
    expect(findings.split('\n')[1]).toMatch(/FATAL/);
    // The fact in words, its path in brackets: beside the place, or under it when the line would pass 80 columns.
    expect(findings).toMatch(/at templates\/examples\/struggling-startup\.yaml:\d+:\d+(?: {2}|\n {9})whether there is a written sales plan \(plan\.documented\)/);
    expect(r.stdout).toMatch(/Remediation checklist[\s\S]*\+\d+\.\d/);
    for (const line of r.stdout.split('\n')) expect(line.length, line).toBeLessThanOrEqual(80);
  });

  it('markdown report: headings, tables and the checklist as a task list', () => {
    const r = cli(['audit', '--example', 'mid-size-gaps', '--format', 'markdown', '--date', DATE]);
    expect(r.stdout).toMatch(/^# Sales audit: /);
    const h = HEADLINES['mid-size-gaps'];
    expect(r.stdout).toContain(`| Score | Up to | Grade | Coverage |\n|---:|---:|:---:|---:|\n| ${h.score}/100 | ${h.upTo} | ${h.grade} | ${h.coverage}% |\n`);
    expect(r.stdout).toMatch(/^- \[ \] \*\*\+\d+\.\d\*\* /m);
  });

  it('colours only when asked: FORCE_COLOR yes, NO_COLOR and pipes no', () => {
    expect(cli(['audit', '--example', 'healthy-org', '--date', DATE], { env: { FORCE_COLOR: '1' } }).stdout).toMatch(ANSI);
    expect(cli(['audit', '--example', 'healthy-org', '--date', DATE], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } }).stdout).not.toMatch(ANSI);
  });

  it('--output writes the report atomically and says so on stderr', () => {
    const dir = tmp();
    const out = join(dir, 'audit.md');
    const r = cli(['audit', '--example', 'mid-size-gaps', '--format', 'markdown', '--output', out, '--date', DATE]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/wrote markdown (report )?to /);
    expect(readFileSync(out, 'utf8')).toMatch(/^# Sales audit/);
  });

  it('--redact hides the names of people', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'org.yaml'), 'version: 1\npeople:\n  - name: Zelda Quux\n    selling_time_pct: 20\n');
    const plain = cli(['audit', 'org.yaml', '--format', 'json', '--date', DATE], { cwd: dir }).stdout;
    const red = cli(['audit', 'org.yaml', '--format', 'json', '--date', DATE, '--redact'], { cwd: dir }).stdout;
    expect(plain).toContain('Zelda Quux');
    expect(red).not.toContain('Zelda');
    expect(red).toContain('Person 1');
  });
});

describe('exit codes', () => {
  it('0 when no gate fails, 1 when --fail-under fails, 1 when --fail-on fails', () => {
    expect(cli(['audit', '--example', 'healthy-org', '--format', 'json', '--date', DATE, '--fail-under', '50']).code).toBe(0);
    const under = cli(['audit', '--example', 'struggling-startup', '--format', 'json', '--date', DATE, '--fail-under', '90']);
    expect(under.code).toBe(1);
    expect(under.stderr).toMatch(/gate failed: score \d+ is under the fail-under gate \(90\)/);
    expect(cli(['audit', '--example', 'struggling-startup', '--format', 'json', '--date', DATE, '--fail-on', 'critical']).code).toBe(1);
  });

  it.each([
    [['audit', 'no-such-file.yaml'], /^no-such-file\.yaml: no such file; expected a YAML org file$/m],
    [['audit', '--example', 'nope'], /unknown example "nope"/],
    [['audit', '--format', 'pdfx', '--example', 'healthy-org'], /argument 'pdfx' is invalid/],
    [['audit', '--example', 'healthy-org', '--date', '2026-02-30'], /expected a date as YYYY-MM-DD/],
    [['audit', '--example', 'healthy-org', '--fail-under', '120'], /expected a score from 0 to 100/],
    [['audit', '--example', 'healthy-org', '--fail-on', 'huge'], /expected one of: critical, high, medium, low/],
    [['audit', 'test'], /^test: is a directory; expected a YAML org file$/m],
    [['frobnicate'], /unknown command 'frobnicate'/],
    [['explain', 'selling-tme'], /unknown rule "selling-tme"; did you mean "selling-time"\?/],
  ])('2 on %j', (args, message) => {
    const r = cli(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('2 for a file the user cannot read (run as an unprivileged user when tests run as root)', () => {
    const dir = tmp();
    chmodSync(dir, 0o755);
    const file = join(dir, 'locked.yaml');
    writeFileSync(file, 'version: 1\n');
    chmodSync(file, 0o000);
    const asRoot = process.getuid?.() === 0;
    // The unprivileged user may not be able to reach this checkout (a clone in a private folder).
    const r = spawnSync(NODE, [cliForAnyUser(), 'audit', file], { encoding: 'utf8', ...(asRoot ? { uid: 65534, gid: 65534 } : {}) });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`${file}: permission denied: cannot read the file\n`);
  });

  it('2 with one line per problem, file:line:col first, for an invalid org file', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'org.yaml'), 'version: 1\nleadershp:\n  sales_managed_by: ceo\nadmin:\n  selling_time_pct: lots\n');
    const r = cli(['audit', 'org.yaml'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toEqual([
      'org.yaml:2:1: leadershp: unknown key "leadershp"; did you mean "leadership"?',
      'org.yaml:5:21: admin.selling_time_pct: expected a number from 0 to 100, got "lots"',
    ]);
  });
});

describe('rules, explain, schema, init', () => {
  it('rules lists every rule id', () => {
    const r = cli(['rules', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toHaveLength(rules.length);
    const text = cli(['rules']).stdout;
    for (const { id } of JSON.parse(r.stdout)) expect(text).toContain(id);
  });

  it('explain works for every rule', () => {
    for (const { id } of JSON.parse(cli(['rules', '--format', 'json']).stdout)) {
      const r = cli(['explain', id]);
      expect(r.code, id).toBe(0);
      expect(r.stdout).toMatch(new RegExp(`^${id}: `));
      for (const section of ['What it checks', 'Why it matters', 'Facts it reads', 'How to fix']) expect(r.stdout, `${id}: ${section}`).toContain(section);
    }
  });

  it('schema is a valid JSON Schema that accepts every example and rejects an unknown top-level key', () => {
    const r = cli(['schema']);
    expect(r.code).toBe(0);
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    const validate = ajv.compile(JSON.parse(r.stdout));
    for (const name of EXAMPLES) {
      const data = parse(readFileSync(join(ROOT, `templates/examples/${name}.yaml`), 'utf8'));
      expect(validate(data), `${name}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
    expect(validate({ version: 1, leadershp: {} })).toBe(false);
    // The copy at the package root (for the examples' schema line) is current.
    expect(readFileSync(join(ROOT, 'sales-audit.schema.json'), 'utf8')).toBe(r.stdout);
  });

  it('init writes a starter file with the schema line, refuses to overwrite, and the result audits', () => {
    const dir = tmp();
    const first = cli(['init', 'acme.yaml', '--template', 'founder-led'], { cwd: dir });
    expect(first.code).toBe(0);
    const text = readFileSync(join(dir, 'acme.yaml'), 'utf8');
    expect(text).toMatch(/^# yaml-language-server: \$schema=\.\/sales-audit\.schema\.json/);
    expect(existsSync(join(dir, 'sales-audit.schema.json'))).toBe(true);
    const again = cli(['init', 'acme.yaml'], { cwd: dir });
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/already exists; refusing to overwrite/);
    expect(readFileSync(join(dir, 'acme.yaml'), 'utf8')).toBe(text);
    expect(cli(['audit', 'acme.yaml', '--date', DATE], { cwd: dir }).code).toBe(0);
    mkdirSync(join(dir, 'sub'));
    for (const t of ['blank', 'scaling-team']) expect(cli(['init', `sub/${t}.yaml`, '-t', t], { cwd: dir }).code).toBe(0);
    expect(cli(['init', 'x.yaml', '-t', 'foundr'], { cwd: dir }).stderr).toMatch(/did you mean "founder-led"/);
  });

  it('--help on every command, each with an example', () => {
    for (const cmd of ['audit', 'rules', 'explain', 'schema', 'init']) {
      const r = cli([cmd, '--help']);
      expect(r.code, cmd).toBe(0);
      expect(r.stdout, cmd).toMatch(/Examples?:\n\s+\$ sales-audit /);
    }
  });
});

describe('speed by construction', () => {
  const marker = {
    'the YAML writer library': 'BAD_INDENT',
    'the CSV parser': 'CSV_INVALID_CLOSING_QUOTE',
    'the HTML report': '<!doctype html>',
    'the questionnaire form': 'answers need a fix before saving',
    'the prompt library loader': '@inquirer/prompts',
    // Built only to explain a file the generated validator turned away.
    'the org schema': 'expected "none" alone, or a list without "none"',
    // Loaded only to check a config file or explain a bad org file.
    zod: '$ZodType',
  };

  it('the bundle does not contain the prompt library: one import() by name, no require()', () => {
    const all = [...bundleFiles().values()].join('\n');
    expect(all).not.toMatch(/@inquirer\/core|createPrompt\(/);
    expect(all.match(/@inquirer\//g)).toEqual(['@inquirer/']);
    expect(all).not.toMatch(/require\(["']@inquirer/);
  });

  it('each library and renderer sits in a chunk of its own, which `audit --format json` never loads', () => {
    const files = bundleFiles();
    const r = loadedChunks(['audit', '--example', 'mid-size-gaps', '--format', 'json', '--date', DATE]);
    expect(r.code).toBe(0);
    expect(r.chunks[0]?.file).toBe('cli.cjs');
    for (const [what, text] of Object.entries(marker)) {
      const holders = [...files].filter(([, src]) => src.includes(text)).map(([f]) => f);
      expect(holders, what).toHaveLength(1);
      expect(
        r.chunks.map((c) => c.file),
        what,
      ).not.toContain(holders[0]);
    }
    const size = (names: string[]) => names.reduce((n, f) => n + files.get(f)!.length, 0);
    // What the JSON audit reads is well under half of the whole CLI.
    expect(size(r.chunks.map((c) => c.file))).toBeLessThan(size([...files.keys()]) / 2);
  });

  it('dist/start.cjs holds exactly the chunks the JSON audit and lint run, and they run from it', () => {
    const files = bundleFiles();
    const packed = new vm.Script(readFileSync(`${ROOT}dist/start.cjs`, 'latin1')).runInThisContext() as Record<string, unknown>;
    const audit = loadedChunks(['audit', '--example', 'mid-size-gaps', '--format', 'json', '--date', DATE]);
    const lint = loadedChunks(['lint', 'templates/examples/mid-size-gaps.yaml', '--date', DATE]);
    expect(audit.code).toBe(0);
    const ran = new Set([...audit.chunks, ...lint.chunks].map((c) => c.file));
    expect(Object.keys(packed).sort()).toEqual([...ran].sort());
    // Each packed chunk is its file's function, byte for byte.
    for (const [name, fn] of Object.entries(packed)) expect(String(fn), name).toBe(files.get(name)!.slice(1, -1));
    // A command that needs a chunk outside it still reads that chunk's file, with its cache.
    const md = loadedChunks(['audit', '--example', 'mid-size-gaps', '--format', 'markdown', '--date', DATE]);
    expect(md.code).toBe(0);
    expect(md.chunks.some((c) => !packed[c.file])).toBe(true);
    expect(md.chunks.filter((c) => c.cache !== 'accepted')).toEqual([]);
  });

  it('`audit --format json` and `lint` into a pipe load none of the heavy built-in modules (tty, net, fs/promises, os, module)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sales-audit-modules-'));
    const out = join(dir, 'modules.txt');
    const hook = join(dir, 'hook.cjs');
    writeFileSync(hook, `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(out)}, process.moduleLoadList.join('\\n')));`);
    const loaded = (argv: string[]) => {
      const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined };
      for (const k of Object.keys(env)) if (env[k] === undefined) delete env[k];
      const r = spawnSync(NODE, ['-r', hook, ...argv], { cwd: ROOT, encoding: 'utf8', env: env as NodeJS.ProcessEnv });
      expect(r.status, `${argv.join(' ')}: ${r.stderr}`).toBeLessThanOrEqual(1);
      return readFileSync(out, 'utf8').split('\n');
    };
    // chalk's colour detection (tty, os) and the glob's fs/promises are what loaded them; colour is decided by the CLI.
    // (Not node:stream itself: on Node 20, node:v8, which the launcher sets its flag with, loads the streams.)
    // node:module loads the ES module loader behind it (about 1.2 million instructions on Node 22):
    // built-ins come from process.getBuiltinModule or the launcher's own require instead of createRequire.
    const heavy = (list: string[]) => list.filter((m) => /^NativeModule (tty|net|fs\/promises|internal\/fs\/promises|readline|os|child_process|module)$/.test(m));
    expect(heavy(loaded(['-e', "require('node:tty'); require('node:fs/promises')"]))).toContain('NativeModule tty');
    expect(heavy(loaded(['-e', "require('node:module')"]))).toContain('NativeModule module');
    for (const args of [
      ['audit', 'templates/examples/mid-size-gaps.yaml', '--format', 'json', '--date', DATE],
      ['lint', 'templates/examples/mid-size-gaps.yaml', '--date', DATE],
    ])
      expect(heavy(loaded([BIN, ...args])), args.join(' ')).toEqual([]);
  });

  it('dist/start.cjs has a code cache per command, and lint and the JSON audit each read their own', () => {
    const tag = spawnSync(NODE, ['-p', '`${process.versions.v8}-${process.arch}`'], { encoding: 'utf8' }).stdout.trim();
    for (const cmd of ['audit', 'lint']) expect(existsSync(`${ROOT}dist/start.${cmd}.${tag}.cache`), cmd).toBe(true);
    // A copy without lint's cache: lint compiles start.cjs's chunks without one; the JSON audit still has its own.
    const dir = mkdtempSync(join(tmpdir(), 'sales-audit-start-cache-'));
    for (const part of ['bin', 'dist', 'templates', 'package.json']) cpSync(join(ROOT, part), join(dir, part), { recursive: true });
    rmSync(join(dir, 'dist', `start.lint.${tag}.cache`));
    const states = (args: string[]) => {
      const r = spawnSync(NODE, [join(dir, 'bin', 'sales-audit.js'), ...args], { encoding: 'utf8', env: { ...process.env, SALES_AUDIT_DEBUG_STARTUP: '1', NO_COLOR: '1' } });
      expect(r.status, r.stderr).toBeLessThanOrEqual(1);
      return [...r.stderr.matchAll(/^sales-audit: loaded cli\.cjs, code cache (\w+)$/gm)].map((m) => m[1]);
    };
    const example = join(dir, 'templates', 'examples', 'mid-size-gaps.yaml');
    expect(states(['lint', example, '--date', DATE])).toEqual(['missing']);
    expect(states(['audit', example, '--format', 'json', '--date', DATE])).toEqual(['accepted']);
    rmSync(dir, { recursive: true, force: true });
  });

  it('the code caches are written by the build and accepted at run time', () => {
    for (const args of [
      ['rules', '--format', 'json'],
      ['audit', '--example', 'healthy-org', '--format', 'json', '--date', DATE],
      ['audit', '--example', 'healthy-org', '--date', DATE],
      ['lint', 'templates/examples/healthy-org.yaml', '--date', DATE],
    ]) {
      const r = loadedChunks(args);
      expect(r.chunks.length, args.join(' ')).toBeGreaterThan(0);
      expect(
        r.chunks.filter((c) => c.cache !== 'accepted'),
        args.join(' '),
      ).toEqual([]);
    }
  });
});

describe('reads well at 80 columns and on error', () => {
  it('rules and explain fit in 80 columns', () => {
    for (const args of [['rules'], ['explain', 'individual-coaching'], ['explain', 'sales-process']]) {
      const r = cli(args);
      expect(r.code).toBe(0);
      for (const line of r.stdout.split('\n')) expect(line.length, `${args.join(' ')}: ${line}`).toBeLessThanOrEqual(80);
    }
  });

  it('usage errors are one prefixed line like every other error', () => {
    const r = cli(['audit', '--example', 'healthy-org', '--fail-on', 'huge']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("sales-audit: option '--fail-on <severity>' argument 'huge' is invalid. expected one of: critical, high, medium, low. (see --help)\n");
    expect(cli(['audit', '--example', 'healthy-org', '--fail-on', 'CRITICAL', '--format', 'json']).code).toBe(0);
    const typo = cli(['audti', 'org.yaml']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toBe("sales-audit: unknown command 'audti'; did you mean audit? (see --help)\n");
  });

  it('each command runs alone as it does beside the others (only the one named is declared)', () => {
    const alone = cli(['rules', '--format', 'json']);
    expect(alone.code).toBe(0);
    expect(JSON.parse(alone.stdout)).toHaveLength(rules.length);
    const help = cli(['--help']);
    for (const name of ['audit', 'interview', 'lint', 'rules', 'explain', 'schema', 'init']) expect(help.stdout).toMatch(new RegExp(`^  ${name} `, 'm'));
    expect(cli(['help', 'lint']).stdout).toMatch(/^Usage: sales-audit lint /);
  });

  it('lint warns about a file with no facts instead of passing it silently', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'empty.yaml'), 'version: 1\n');
    const r = cli(['lint', 'empty.yaml'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('sales-audit: empty.yaml: warning: no rule could be assessed');
    expect(cli(['lint', 'empty.yaml', '--strict'], { cwd: dir }).code).toBe(1);
  });
});

describe('standard output as a file or a pipe', () => {
  const sh = (script: string) => spawnSync('bash', ['-c', script], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  const run = `"${NODE}" "${BIN}"`;

  it('a reader that closes the pipe early ends the run quietly with the exit code it would have had', () => {
    const ok = sh(`${run} audit --example healthy-org --format json --date ${DATE} | true; echo "exit=\${PIPESTATUS[0]}"`);
    expect(ok.stdout).toBe('exit=0\n');
    expect(ok.stderr).toBe('');
    const gate = sh(`${run} audit --example struggling-startup --format json --date ${DATE} --fail-under 50 | true; echo "exit=\${PIPESTATUS[0]}"`);
    expect(gate.stdout).toBe('exit=1\n');
    expect(gate.stderr).not.toMatch(/EPIPE|at .*\.cjs/);
  });

  it('output larger than a pipe holds (64 KiB) reaches a slow reader whole, byte for byte as in a file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sa-pipe-'));
    const file = join(dir, 'report.html');
    const args = `audit --example mid-size-gaps --format html --date ${DATE}`;
    expect(sh(`${run} ${args} > "${file}"`).status).toBe(0);
    const size = readFileSync(file).length;
    expect(size).toBeGreaterThan(64 * 1024); // a Linux pipe holds 64 KiB
    const piped = sh(`${run} ${args} | (sleep 0.5; cat) | cmp - "${file}" && echo same`);
    expect(piped.stdout).toBe('same\n');
  });
});
