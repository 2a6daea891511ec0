// The README's "Use in CI" section and .pre-commit-hooks.yaml stay true: the workflow's lint command
// runs as written, its SARIF file is what the upload step uploads, the config
// and waiver examples load, and the hook calls the real command.
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { rules } from '../../rules/index';
import { parseConfig } from '../../src/config/load';
import { waiverDiagnostics } from '../../src/config/waivers';
import { loadOrgText } from '../../src/load/load';
import { HEADLINES } from '../helpers/headlines';
import { cli, FIX, ROOT, scratch } from './helpers';

// The README's "Use in CI" section, up to the next top-level heading.
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const doc = readme.slice(readme.indexOf('## Use in CI'), readme.indexOf('\n## ', readme.indexOf('## Use in CI') + 5));
const yamlBlocks = [...doc.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!);
const block = (marker: string) => {
  const b = yamlBlocks.find((x) => x.includes(marker));
  if (!b) throw new Error(`README "Use in CI" has no yaml block with ${marker}`);
  return b;
};

interface Step {
  id?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, string>;
  'continue-on-error'?: boolean;
}

describe('README: Use in CI', () => {
  it('is a section of the README', () => {
    expect(doc.split('\n')[0]).toBe('## Use in CI');
  });

  it('the workflow: permissions for code scanning, upload of the file lint writes, and a failing last step', () => {
    const wf = parse(block('upload-sarif')) as { permissions: Record<string, string>; jobs: { lint: { steps: Step[] } } };
    expect(wf.permissions['security-events']).toBe('write');
    const steps = wf.jobs.lint.steps;
    const lint = steps.find((s) => s.id === 'lint')!;
    expect(lint['continue-on-error']).toBe(true);
    const out = /--format sarif --output (\S+)/.exec(lint.run!)![1];
    const upload = steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'))!;
    expect(upload.with!.sarif_file).toBe(out);
    expect(upload.if).toContain('always()');
    expect(steps.at(-1)!.if).toBe("steps.lint.outcome == 'failure'");
  });

  it("the workflow's lint command runs as written: SARIF written, stylish on stdout, exit 1 on a gate, 0 when all hold", () => {
    const wf = parse(block('upload-sarif')) as { jobs: { lint: { steps: Step[] } } };
    const run = wf.jobs.lint.steps.find((s) => s.id === 'lint')!.run!.trim();
    // Split like a shell would (the command has only double-quoted words).
    const words = [...run.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]!);
    expect(words.slice(0, 2)).toEqual(['sales-audit', 'lint']);
    const dir = scratch();
    mkdirSync(join(dir, 'orgs', 'eu'), { recursive: true });
    // A fully described healthy org holds every gate of the command as written (100/A, two medium findings).
    copyFileSync(join(ROOT, 'templates', 'examples', 'healthy-org.yaml'), join(dir, 'orgs', 'eu', 'healthy-org.yaml'));
    const ok = cli([...words.slice(1), '--date', '2026-11-27'], { cwd: dir });
    expect(ok.code).toBe(0);
    const h = HEADLINES['healthy-org']; // 99/A/100 when written; pinned in test/snapshots/headlines.json
    const healthy = `orgs/eu/healthy-org.yaml ${h.score}/100 (${h.grade}, coverage ${h.coverage}%)`;
    expect(ok.stdout).toContain(`1 file: ${healthy}`);
    expect(JSON.parse(readFileSync(join(dir, 'sales-audit.sarif'), 'utf8')).runs[0].results).toHaveLength(2);
    copyFileSync(join(FIX, 'team.yaml'), join(dir, 'orgs', 'team.yaml'));
    const failing = cli([...words.slice(1), '--date', '2026-11-27'], { cwd: dir });
    // team.yaml's figures as the JSON output has them (most of it unknown; they move when a rule is added).
    const team = (
      JSON.parse(cli(['lint', 'orgs/team.yaml', '--date', '2026-11-27', '--format', 'json'], { cwd: dir }).stdout) as { files: { report: { summary: { score: number; coverage: number } } }[] }
    ).files[0]!.report.summary;
    expect(team.score).toBeLessThan(70); // under the documented --fail-under 70
    expect(failing.code).toBe(1);
    expect(failing.stdout).toContain(`2 files:\n  ${healthy}\n  orgs/team.yaml ${team.score}/100 (incomplete, coverage ${team.coverage}%)\n`);
    expect(failing.stderr).toContain('gate failed: score 5 is under the fail-under gate (70)');
    expect(JSON.parse(readFileSync(join(dir, 'sales-audit.sarif'), 'utf8')).runs[0].results).toHaveLength(5);
  });

  it('the config example is a valid .sales-audit.yaml', async () => {
    const r = await parseConfig(block('failBelow'), '.sales-audit.yaml', rules);
    expect(r.ok && r.value.config.rules!['selling-time']).toEqual({ severity: 'medium', options: { failBelow: 30, passAbove: 40, offloadHoursLimit: 8 } }); // the option left out takes its default
  });

  it('the waiver example loads and names a real rule', async () => {
    const r = await loadOrgText(`version: 1\n${block('waivers:\n  - rule:')}`, 'org.yaml');
    expect(r.ok).toBe(true);
    if (r.ok)
      expect(
        waiverDiagnostics(
          r.value,
          rules.map((x) => x.id),
        ),
      ).toEqual([]);
  });
});

describe('action.yml (the composite action)', () => {
  const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as { inputs: Record<string, { default?: string }>; runs: { using: string; steps: (Step & { env?: Record<string, string> })[] } };

  it('is composite, and every input it reads is declared and every declared input is read', () => {
    expect(action.runs.using).toBe('composite');
    const text = readFileSync(join(ROOT, 'action.yml'), 'utf8');
    const read = new Set([...text.matchAll(/inputs\.([\w-]+)/g)].map((m) => m[1]));
    expect([...read].sort()).toEqual(Object.keys(action.inputs).sort());
  });

  it('inputs reach the shell only through env, never spliced into a script', () => {
    for (const step of action.runs.steps) if (step.run) expect(step.run, step.id ?? step.run).not.toMatch(/\$\{\{/);
  });

  it("the README's example passes exactly the action's inputs", () => {
    const steps = parse(block('uses: your-fork/sales-audit@')).steps as Step[];
    const use = steps.find((x) => x.uses?.startsWith('your-fork/sales-audit@'))!;
    expect(Object.keys(use.with!).sort()).toEqual(Object.keys(action.inputs).sort());
  });
});

describe('.pre-commit-hooks.yaml', () => {
  const hooks = parse(readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as { id: string; entry: string; language: string; files: string; exclude: string; require_serial: boolean }[];

  it("defines the hook the docs use, calling the package's own bin", () => {
    expect(hooks).toHaveLength(1);
    const h = hooks[0]!;
    expect(h.id).toBe('sales-audit-lint');
    expect(block('.pre-commit-config.yaml')).toContain(`id: ${h.id}`);
    expect(h.language).toBe('node');
    const [bin, command] = h.entry.split(' ');
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string> };
    expect(existsSync(join(ROOT, pkg.bin[bin!]!))).toBe(true);
    expect(command).toBe('lint');
    expect(h.require_serial).toBe(true);
  });

  it('matches org files under orgs/, not other YAML or the config', () => {
    const files = new RegExp(hooks[0]!.files);
    const exclude = new RegExp(hooks[0]!.exclude);
    const picked = (p: string) => files.test(p) && !exclude.test(p);
    expect(['orgs/acme.yaml', 'orgs/eu/beta.yml'].every(picked)).toBe(true);
    expect(['.github/workflows/ci.yml', 'docker-compose.yaml', 'orgs/.sales-audit.yaml'].some(picked)).toBe(false);
  });
});
