// A large roster gives some rules a finding (and a checklist item) per person.
// The terminal report shows the first PER_RULE of each rule and counts the rest;
// at 50,000 people it used to run for minutes and then stop with "Maximum call
// stack size exceeded" (an array spread into push).
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AuditReport } from '../../src/engine/types';
import { PER_RULE, renderText } from '../../src/report/text';
import { BIN, cli, DATE, NODE, ROOT } from '../e2e/run';

/** The bundled roster example with its people repeated to `n` rows. */
function roster(n: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'sales-audit-scale-'));
  const [head, ...rows] = readFileSync(join(ROOT, 'templates/examples/roster-team.csv'), 'utf8').trim().split('\n');
  const out = [head!];
  for (let i = 0; i < n; i++) out.push(`P${i},${rows[i % rows.length]!.split(',').slice(1).join(',')}`);
  writeFileSync(join(dir, 'roster-team.csv'), `${out.join('\n')}\n`);
  copyFileSync(join(ROOT, 'templates/examples/roster-team.yaml'), join(dir, 'org.yaml'));
  return dir;
}

describe('the text report of a large roster summarises per-person findings', () => {
  it('1,000 people with --per-person: at most PER_RULE findings and checklist items per rule, then how many more; the JSON keeps them all', () => {
    const dir = roster(1000);
    const json = cli(['audit', 'org.yaml', '--format', 'json', '--date', DATE, '--per-person'], { cwd: dir });
    expect(json.code).toBe(0);
    const report = JSON.parse(json.stdout) as AuditReport;
    const per = (xs: { ruleId: string }[]) => xs.reduce((m, x) => m.set(x.ruleId, (m.get(x.ruleId) ?? 0) + 1), new Map<string, number>());
    const findings = per(report.findings.filter((f) => !f.note && !f.suppressed));
    const items = per(report.checklist);
    expect(Math.max(...findings.values())).toBeGreaterThan(PER_RULE * 10);

    const text = cli(['audit', 'org.yaml', '--date', DATE, '--per-person'], { cwd: dir });
    expect(text.code).toBe(0);
    expect(text.stderr).toBe('');
    const lines = text.stdout.split('\n');
    // Bounded whatever the roster's size (about 750 lines at 100, 1,000 or 2,000
    // people): schema v2 adds notes and find-out items to the findings and fixes;
    // a person's findings of one rule are one finding stating each fact (issue 17), a few lines longer.
    expect(lines.length).toBeLessThan(790);
    for (const [rule, n] of findings) {
      if (n > PER_RULE) expect(text.stdout.replace(/\n\s+/g, ' ')).toContain(`... and ${n - PER_RULE} more ${rule} findings (--format json or markdown lists every one)`);
      else expect(text.stdout).not.toContain(`more ${rule} findings`);
    }
    // Notes too are per person (a rep under target whose actions are unknown): at most PER_RULE per rule.
    const notes = per(report.findings.filter((f) => f.note && !f.suppressed));
    expect(Math.max(...notes.values())).toBeGreaterThan(PER_RULE);
    for (const [rule, n] of notes) if (n > PER_RULE) expect(text.stdout.replace(/\n\s+/g, ' ')).toContain(`... and ${n - PER_RULE} more ${rule} notes (--format json or markdown lists every one)`);
    // A find-out item about a fact per person names five of them and counts the rest, in every format; the JSON keeps them all.
    const wide = report.checklist.find((i) => (i.facts?.length ?? 0) > 100)!;
    expect(wide).toBeDefined();
    expect(wide.action).toMatch(new RegExp(` and ${wide.facts!.length - 5} more facts\\.$`));
    expect(wide.action.length).toBeLessThan(600);
    expect(text.stdout.replace(/[\s│]+/g, ' ')).toContain(`and ${wide.facts!.length - 5} more facts.`);
    // Ranks past 99 are written whole.
    expect(text.stdout).not.toMatch(/│ \d+… │/);
    // The table wraps the cell: the rule id may go to the next line.
    for (const [, n] of items) if (n > PER_RULE) expect(text.stdout).toContain(`... and ${n - PER_RULE} more items`);
    for (const line of lines) expect([...line].length, line).toBeLessThanOrEqual(80);
  });

  it('a report with 200,000 findings and checklist items renders (no stack overflow) in a bounded number of lines', () => {
    const dir = roster(12);
    const report = JSON.parse(cli(['audit', 'org.yaml', '--format', 'json', '--date', DATE], { cwd: dir }).stdout) as AuditReport;
    const many = <T>(xs: T[], n: number): T[] => Array.from({ length: n }, (_, i) => xs[i % xs.length]!);
    const coaching = report.checklist.filter((i) => i.ruleId === 'individual-coaching');
    const big: AuditReport = {
      ...report,
      findings: many(
        report.findings.filter((f) => f.ruleId === 'individual-coaching'),
        200_000,
      ),
      checklist: many(coaching, 200_000),
    };
    const out = renderText(big, { color: false, width: 80 });
    expect(out.split('\n').length).toBeLessThan(400);
    expect(out).toContain(`... and ${200_000 - PER_RULE} more items`);
    expect(out.replace(/\n\s+/g, ' ')).toContain(`... and ${200_000 - PER_RULE} more individual-coaching findings`);
  });
});

describe('50,000 people (a CSV roster), every format', () => {
  // Generated here, not committed: 49,999 roster rows beside the org file's one person.
  const PEOPLE = 50_000;
  // The reps among them (the roster's people who sell or may sell): what a summary counts against.
  const REPS = 41_667;
  const run = (args: string[], cwd: string) => {
    const r = spawnSync(NODE, [BIN, ...args], { cwd, encoding: 'utf8', timeout: 600_000, maxBuffer: 256 * 1024 * 1024 });
    return { code: r.status, stderr: r.stderr };
  };

  it('audit writes text, markdown, JSON, HTML and CSV, each with the per-person findings summarised (it overflowed the stack)', () => {
    const dir = roster(PEOPLE - 1);
    const outs = { json: 'r.json', text: 'r.txt', markdown: 'r.md', html: 'r.html', csv: 'r.csv' };
    const r = run(['audit', 'org.yaml', '--date', DATE, ...Object.entries(outs).flatMap(([f, o]) => ['--format', f, '-o', o])], dir);
    // Only the tool's own lines: where each report went.
    for (const line of r.stderr.trim().split('\n')) expect(line).toMatch(/^sales-audit: wrote \w+ report to r\.\w+/);
    expect(r.code).toBe(0);
    const read = (f: keyof typeof outs) => readFileSync(join(dir, outs[f]), 'utf8');
    const report = JSON.parse(read('json')) as AuditReport;
    const summarised = report.findings.filter((f) => f.people);
    expect(summarised.length).toBeGreaterThanOrEqual(3);
    // Counted against the people each rule judged (its population: the reps), not everyone listed.
    for (const f of summarised) expect([f.people!.population, f.people!.of]).toEqual([expect.stringMatching(/^(quota-carrying )?reps$/), REPS]);
    // Bounded: a finding per kind, not per person.
    expect(report.findings.length).toBeLessThan(200);
    expect(report.checklist.filter((c) => c.kind === 'fix').length).toBeLessThan(200);
    const one = summarised.find((f) => !f.note)!;
    const lead = `${one.people!.count.toLocaleString('en-US')} of ${REPS.toLocaleString('en-US')} ${one.people!.population} (`;
    expect(read('text').replace(/\s+/g, ' ')).toContain(lead);
    expect(read('text').split('\n').length).toBeLessThan(1500);
    expect(read('markdown')).toContain(lead);
    expect(read('html')).toContain(lead);
    expect(read('csv')).toMatch(/"?For [\d,]+ of 41,667 (quota-carrying )?reps \(/);
  }, 900_000);

  it('lint writes stylish, JSON, SARIF, JUnit, GitHub and Markdown; SARIF points at lines of the people a summary names', () => {
    const dir = roster(PEOPLE - 1);
    const outs = { stylish: 'l.txt', json: 'l.json', sarif: 'l.sarif', junit: 'l.xml', github: 'l.gh', markdown: 'l.md' };
    const r = run(['lint', 'org.yaml', '--date', DATE, '--no-config', ...Object.entries(outs).flatMap(([f, o]) => ['--format', f, '-o', o])], dir);
    expect(r.stderr).not.toMatch(/internal error|Maximum call stack/);
    expect([0, 1]).toContain(r.code);
    for (const f of Object.values(outs)) expect(readFileSync(join(dir, f), 'utf8')).toMatch(/of 41,667 (quota-carrying )?reps \(/);
    const sarif = JSON.parse(readFileSync(join(dir, outs.sarif), 'utf8')) as {
      runs: { results: { message: { text: string }; relatedLocations?: { physicalLocation: { region: { startLine: number } } }[] }[] }[];
    };
    const results = sarif.runs[0]!.results.filter((x) => /^[\d,]+ of 41,667 (quota-carrying )?reps \(/.test(x.message.text));
    expect(results.length).toBeGreaterThan(0);
    for (const x of results) {
      expect(x.relatedLocations?.length).toBeGreaterThanOrEqual(4);
      for (const l of x.relatedLocations!) expect(l.physicalLocation.region.startLine).toBeGreaterThan(1);
    }
    expect(sarif.runs[0]!.results.length).toBeLessThan(300);
  }, 900_000);
});
