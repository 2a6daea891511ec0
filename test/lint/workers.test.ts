// lint on worker threads (src/cli/lint-workers.ts): over many files the run is
// spread on every core, and every format's bytes, stderr and exit code must be
// exactly a single-threaded run's, errors included (a file that cannot be
// read, invalid YAML, a bad config, a pattern that matches nothing). A small
// run never loads the workers' code.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LINT_FORMATS } from '../../src/report/lint';
import { BIN, DATE, NODE, ROOT, scratch } from './helpers';

/** The lint fixtures (configs, waivers, invalid files) and 36 variants of the three examples, each with its own company name and figures. */
function portfolio(): string {
  const dir = scratch();
  mkdirSync(join(dir, 'many'));
  for (const [k, name] of ['mid-size-gaps', 'struggling-startup', 'healthy-org'].entries()) {
    const text = readFileSync(join(ROOT, 'templates/examples', `${name}.yaml`), 'utf8');
    for (let i = 0; i < 12; i++)
      writeFileSync(
        join(dir, 'many', `${name}-${String(i).padStart(2, '0')}.yaml`),
        text.replace(/^( {2}name: )(.*)$/m, `$1$2 ${i}`).replace(/^( {2}employees: )(\d+)/m, (_m, a: string, n: string) => `${a}${Number(n) + i * (k + 1)}`),
      );
  }
  // A folder named like an org file: it cannot be read as one.
  mkdirSync(join(dir, 'many', 'not-a-file.yaml'));
  writeFileSync(join(dir, 'many', 'broken.yaml'), 'company:\n  name: [unclosed\n');
  return dir;
}

function lint(dir: string, args: string[], env: Record<string, string>) {
  const base: Record<string, string | undefined> = { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, GITHUB_ACTIONS: undefined, SALES_AUDIT_LINT_WORKERS: undefined, ...env };
  for (const k of Object.keys(base)) if (base[k] === undefined) delete base[k];
  const r = spawnSync(NODE, [BIN, 'lint', ...args, '--date', DATE], { cwd: dir, env: base as NodeJS.ProcessEnv, input: '', encoding: 'utf8', timeout: 120_000, maxBuffer: 256 << 20 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

// A glob skips folders: the folder named like an org file is named on its own.
const PATTERNS = ['**/*.yaml', 'many/not-a-file.yaml', 'nothing/*.yaml'];

describe('lint on worker threads', () => {
  const dir = portfolio();

  it.each(LINT_FORMATS)('%s: the same bytes, stderr and exit code on 3 workers as on one thread', (format) => {
    const one = lint(dir, [...PATTERNS, '--format', format], { SALES_AUDIT_LINT_WORKERS: '0' });
    const many = lint(dir, [...PATTERNS, '--format', format], { SALES_AUDIT_LINT_WORKERS: '3' });
    expect(one.code).toBe(2);
    expect(one.stderr).toMatch(/broken\.yaml:\d+:\d+/);
    expect(one.stderr).toContain('not-a-file.yaml');
    expect(one.stdout.length).toBeGreaterThan(1000);
    expect(many.stdout).toBe(one.stdout);
    expect(many.stderr).toBe(one.stderr);
    expect(many.code).toBe(one.code);
  });

  it('several formats and --output files at once, and the gates: the same on workers', () => {
    const args = ['many/*.yaml', '--format', 'sarif', '-o', 'out.sarif', '--format', 'junit', '-o', 'out.xml', '--format', 'stylish', '--fail-under', '60', '--strict'];
    const written = () => ['sarif', 'xml'].map((ext) => readFileSync(join(dir, `out.${ext}`), 'utf8'));
    const one = lint(dir, args, { SALES_AUDIT_LINT_WORKERS: '0' });
    const oneFiles = written();
    const many = lint(dir, args, { SALES_AUDIT_LINT_WORKERS: '2' });
    expect(one.code).toBe(2);
    expect(one.stderr).toContain('gate failed');
    expect(many).toEqual(one);
    expect(written()).toEqual(oneFiles);
  });

  it('uses workers for a large run (on a machine with more than two cores) and never loads them for a small one', () => {
    const loaded = (args: string[], env: Record<string, string> = {}) =>
      [...lint(dir, args, { SALES_AUDIT_DEBUG_STARTUP: '1', ...env }).stderr.matchAll(/^sales-audit: loaded (\S+),/gm)].map((m) => m[1]!);
    const worker = (chunks: string[]) => chunks.some((c) => /^chunks\/lint-workers-/.test(c));
    expect(worker(loaded(['many/mid-size-gaps-00.yaml']))).toBe(false);
    expect(worker(loaded(['many/mid-size-gaps-0*.yaml']))).toBe(false);
    expect(worker(loaded(['many/*.yaml'], { SALES_AUDIT_LINT_WORKERS: '2' }))).toBe(true);
    expect(worker(loaded(['many/*.yaml']))).toBe(availableParallelism() > 2);
    expect(readdirSync(join(dir, 'many')).length).toBeGreaterThan(32);
  });

  it('refuses a SALES_AUDIT_LINT_WORKERS that is not a count: one line, exit 2, control characters escaped (it was ignored)', () => {
    const r = lint(dir, ['many/*.yaml'], { SALES_AUDIT_LINT_WORKERS: '\u001b[31mtwo' });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('sales-audit: SALES_AUDIT_LINT_WORKERS: expected a whole number of worker threads (0 or 1: one thread), got "\\u001b[31mtwo"\n');
  });

  it('lints on one thread when a config names plugins (their rules are loaded there): the same output, the plugin rule in it', () => {
    const plug = mkdtempSync(join(tmpdir(), 'sales-audit-plugins-'));
    cpSync(join(ROOT, 'examples/plugins'), plug, { recursive: true });
    const acme = readFileSync(join(plug, 'acme.yaml'), 'utf8');
    for (let i = 0; i < 34; i++) writeFileSync(join(plug, `acme-${i}.yaml`), acme);
    const args = ['*.yaml', '--format', 'sarif'];
    const one = lint(plug, args, { SALES_AUDIT_LINT_WORKERS: '0' });
    const forced = lint(plug, args, { SALES_AUDIT_LINT_WORKERS: '2' });
    expect(one.stderr).toBe('');
    expect(one.stdout).toContain('"id": "forecast-tracked"');
    expect(forced).toEqual(one);
    expect(lint(plug, args, {})).toEqual(one);
  });

  it('runs its workers from a copy of the built CLI elsewhere (an installed package)', async () => {
    const { cliForAnyUser } = await import('../e2e/run');
    const bin = cliForAnyUser();
    const run = (n: string) =>
      spawnSync(NODE, [bin, 'lint', 'many/*.yaml', '--date', DATE, '--format', 'sarif'], {
        cwd: dir,
        env: { ...process.env, SALES_AUDIT_LINT_WORKERS: n },
        encoding: 'utf8',
        timeout: 120_000,
        maxBuffer: 256 << 20,
      });
    const one = run('0');
    const many = run('2');
    expect(many.stderr).toBe(one.stderr);
    expect(many.stdout).toBe(one.stdout);
    expect(many.status).toBe(one.status);
  });
});
