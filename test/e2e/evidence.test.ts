// End to end: verdicts that reward evidence, not silence. A starter template
// (most facts unknown) gets no letter grade in any format; the coverage gate
// fails it; a one-line org file no longer scores 100/A.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, DATE } from './run';

const tmp = () => mkdtempSync(join(tmpdir(), 'sales-audit-evidence-'));

describe('no grade without evidence', () => {
  const dir = tmp();
  const file = join(dir, 's.yaml');
  const init = cli(['init', file, '--template', 'scaling-team']);

  it('init --template scaling-team, then audit: "incomplete", the score low, and what is still in play', () => {
    expect(init.code).toBe(0);
    const r = cli(['audit', file, '--date', DATE], { env: { NO_COLOR: '1' } });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Grade incomplete {3}Coverage \d+%/);
    // Wrapped to the terminal width: compare with the line breaks folded.
    expect(r.stdout.replace(/\n\s+/g, ' ')).toMatch(/Incomplete: \d+% of the organisation is known, under the 70% needed for a grade\./);
    expect(r.stdout).toMatch(/Score \d+\/100, up to \d+ once \d+ facts are known/);
    expect(r.stdout).not.toMatch(/Grade [A-F]\b/);
    const json = JSON.parse(cli(['audit', file, '--format', 'json', '--date', DATE]).stdout);
    expect(json.schemaVersion).toBe(2);
    expect(json.summary.grade).toBeNull();
    expect(json.summary.gradeStatus).toBe('incomplete');
    expect(json.summary.coverage).toBeLessThan(70);
    expect(json.summary.score).toBeLessThan(json.summary.upTo);
    expect(json.checklist.some((c: { kind: string }) => c.kind === 'find-out')).toBe(true);
  });

  it('lint --min-coverage 70 exits 1 on it, naming the gate; 0 with a lower floor', () => {
    const r = cli(['lint', file, '--min-coverage', '70', '--date', DATE]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/gate failed: coverage \d+% is under the min-coverage gate \(70%\)/);
    expect(cli(['lint', file, '--min-coverage', '0', '--date', DATE]).code).toBe(0);
    expect(cli(['audit', file, '--min-coverage', '70', '--date', DATE]).code).toBe(1);
  });

  it('every format shows coverage and says the grade is incomplete', () => {
    const md = cli(['audit', file, '--format', 'markdown', '--date', DATE]).stdout;
    expect(md).toMatch(/\| \d+\/100 \| \d+ \| incomplete \| \d+% \|/);
    const html = cli(['audit', file, '--format', 'html', '--date', DATE]).stdout;
    expect(html).toMatch(/id="grade"[^>]*>Incomplete</);
    expect(html).toMatch(/id="coverage">\d+%/);
    expect(html).toContain('id="score-range"');
    const stylish = cli(['lint', file, '--date', DATE], { env: { NO_COLOR: '1' } }).stdout;
    expect(stylish).toMatch(/\d+\/100 \(incomplete, coverage \d+%\)/);
    const junit = cli(['lint', file, '--format', 'junit', '--date', DATE]).stdout;
    expect(junit).toMatch(/<property name="coverage" value="\d+"/);
    expect(junit).toContain('<property name="grade" value="incomplete"');
    const sarif = JSON.parse(cli(['lint', file, '--format', 'sarif', '--date', DATE]).stdout);
    expect(sarif.runs[0].properties.files[0]).toMatchObject({ grade: null, gradeStatus: 'incomplete' });
    expect(typeof sarif.runs[0].properties.files[0].coverage).toBe('number');
    const gh = cli(['lint', file, '--format', 'github', '--date', DATE]).stdout;
    expect(gh).toMatch(/::notice file=[^,]+,title=sales-audit summary::Score \d+\/100 \(up to \d+\), grade incomplete, coverage \d+%/);
  });

  it('a coverage floor set in the config changes when a letter is given', () => {
    writeFileSync(join(dir, '.sales-audit.yaml'), 'coverageFloor: 0\n');
    const json = JSON.parse(cli(['audit', file, '--format', 'json', '--date', DATE]).stdout);
    expect(json.summary.coverageFloor).toBe(0);
    expect(json.summary.grade).toMatch(/^[A-F]$/);
  });
});

describe('silence no longer scores well', () => {
  it('a one-line org file (tools: {crm: Excel}) gets a low score and no grade', () => {
    const dir = tmp();
    const file = join(dir, 'one.yaml');
    writeFileSync(file, 'tools: {crm: Excel}\n');
    const json = JSON.parse(cli(['audit', file, '--format', 'json', '--date', DATE]).stdout);
    expect(json.summary.score).toBeLessThan(10);
    expect(json.summary.grade).toBeNull();
    expect(readFileSync(file, 'utf8')).toBe('tools: {crm: Excel}\n');
  });
});
