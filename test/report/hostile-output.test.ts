// Issue 12, faults 1 and 2, by kind: names and values that try to drive a
// terminal (escape codes, BEL, C1 controls, DEL, bidi overrides) or a CI
// runner (a file name with a newline and `::warning::`, `##vso[`, `##[`).
// Every format of `audit` and of `lint`, and stderr, with a hostile file name
// and hostile values, through the built binary.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../e2e/run';
import { escapeJsonControls, guardLineStarts, safeText, sanitize } from '../../src/report/safe';

const DATE = '2026-11-27';
const ESC = '\u001b';
const HOSTILE = `Acme${ESC}[2J${ESC}]0;PWNED\u0007 \u009b31m \u007f \u202eevil\u202c \u2066x\u2069 \n::warning::value ##vso[task.setvariable variable=x]1 ##[error]no`;
// A file name that starts a line `::warning::pwned.yaml:...` once printed.
const NAME = 'x\n::warning::pwned.yaml';
// A file name that is itself a workflow command at the start of a line.
const NAME2 = '::error::named.yaml';

const yaml = (s: string) => JSON.stringify(s);
const ORG = `version: 1
company: { name: ${yaml(HOSTILE)} }
plan: { documented: false }
people:
  - name: ${yaml(`AE ${ESC}[31m1\u202e`)}
    is_rep: true
    selling_time_pct: 20
friction:
  none_reported: false
  points:
    - { area: other, description: ${yaml(`${HOSTILE} ${'x'.repeat(10)}`)} }
waivers:
  - { rule: sales-tools, reason: ${yaml(HOSTILE)}, owner: ${yaml(`\n::error::owner`)}, expires: 2099-01-01 }
notes:
  company: ${yaml(HOSTILE)}
`;
// Diagnostics echo keys: a key with escapes, in a file that cannot be read.
const BAD = `version: 1\ncompany:\n  ${yaml(`na${ESC}]0;T\u0007me\n::warning::key`)}: x\n`;

// Everything that acts on a terminal, besides the line ends a format uses.
const LIVE = /[\u0000-\u0008\u000b-\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/;

function check(what: string, text: string, opts: { github?: boolean } = {}) {
  expect(text, `${what}: control or bidi character`).not.toMatch(LIVE);
  expect(text, `${what}: ##vso[ or ##[`).not.toMatch(/##(vso)?\[/i);
  for (const line of text.split(/\r?\n/)) {
    if (opts.github) expect(line, `${what}: a line that is not one of our annotations`).toMatch(/^(::(error|warning|notice) [^\n]*::[^\n]*|)$/);
    else expect(line, `${what}: a line starts a workflow command`).not.toMatch(/^\s*::/);
  }
}

function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'sales-audit-hostile-'));
  writeFileSync(join(dir, NAME), ORG);
  writeFileSync(join(dir, NAME2), ORG);
  writeFileSync(join(dir, 'bad.yaml'), BAD);
  return dir;
}

describe('nothing from a name or a value drives a terminal or a CI runner', () => {
  const dir = setup();

  it.each(['text', 'markdown', 'json', 'html', 'csv'])('audit --format %s, stdout and stderr', (format) => {
    for (const name of [NAME, NAME2]) {
      const r = cli(['audit', name, '--format', format, '--date', DATE, '--fail-on', 'high'], { cwd: dir, env: { FORCE_COLOR: format === 'text' ? '1' : undefined } });
      expect(r.code, r.stderr).toBe(1);
      // FORCE_COLOR: our own colour codes are SGR only; strip them to check what is left.
      check(`audit ${format}`, r.stdout.replace(/\u001b\[[0-9;]*m/g, ''));
      check(`audit ${format} stderr`, r.stderr);
      expect(r.stderr).toContain('gate failed');
    }
  });

  it('audit keeps the text itself: the visible parts of the name are all there', () => {
    const r = cli(['audit', NAME, '--format', 'text', '--date', DATE], { cwd: dir });
    expect(r.stdout).toContain('Acme[2J]0;PWNED');
    expect(r.stdout).toContain('x ::warning::pwned.yaml');
  });

  it('the JSON report keeps the exact data, escaped', () => {
    const r = cli(['audit', NAME, '--format', 'json', '--date', DATE], { cwd: dir });
    const report = JSON.parse(r.stdout) as { org: { company: string; file: string } };
    expect(report.org.company).toBe(HOSTILE.trim());
    expect(report.org.file).toBe(NAME);
  });

  it.each(['stylish', 'json', 'sarif', 'junit', 'github', 'markdown'])('lint --format %s, stdout and stderr, with a file that cannot be read', (format) => {
    const r = cli(['lint', NAME, NAME2, 'bad.yaml', '--format', format, '--date', DATE], { cwd: dir });
    expect(r.code, r.stderr).toBe(2);
    check(`lint ${format}`, r.stdout, { github: format === 'github' });
    check(`lint ${format} stderr`, r.stderr);
    expect(r.stderr).toMatch(/^bad\.yaml:3:3: /m);
    expect(r.stderr).toContain('gate failed');
    if (format === 'json' || format === 'sarif') expect(() => JSON.parse(r.stdout)).not.toThrow();
  });

  it('init and the scripted interview print the file name made safe', () => {
    const name = `n${ESC}]0;T\u0007\n::warning::x.yaml`;
    const init = cli(['init', name], { cwd: dir });
    expect(init.code, init.stderr).toBe(0);
    check('init', init.stdout);
    check('init stderr', init.stderr);
    writeFileSync(join(dir, 'answers.yaml'), 'company.name: Acme\n');
    const interview = cli(['interview', name, '--answers', 'answers.yaml', '--date', DATE], { cwd: dir });
    check('interview stdout', interview.stdout);
    check('interview stderr', interview.stderr);
    expect(interview.stderr).toMatch(/^sales-audit: /m);
  });

  it('the github format escapes the name into its properties: one annotation per line', () => {
    const r = cli(['lint', NAME, '--format', 'github', '--date', DATE], { cwd: dir });
    // The LF is kept and escaped (%0A): the annotation names the real file.
    expect(r.stdout).toMatch(/^::error file=x%0A%3A%3Awarning%3A%3Apwned\.yaml,line=\d+/m);
  });
});

describe('the sanitiser', () => {
  it('drops controls and bidi, turns line breaks into spaces, breaks runner commands, keeps the rest', () => {
    expect(safeText(`a${ESC}[2Jb\u0007c\u009bd\u202ee\u2066f\r\ng\u2028h\ti`)).toBe('a[2Jbcdef g h i');
    expect(safeText('x ##vso[task] ##[error] y')).toBe('x # #vso[task] # #[error] y');
    expect(safeText('Zoë 株式会社 شركة ✓')).toBe('Zoë 株式会社 شركة ✓');
  });

  it('sanitises keys and values at any depth, and leaves the input alone', () => {
    const input = { [`k${ESC}`]: [{ v: `a\nb` }, 3, null, true] };
    expect(sanitize(input)).toEqual({ k: [{ v: 'a b' }, 3, null, true] });
    expect(Object.keys(input)[0]).toBe(`k${ESC}`);
  });

  it('guards a line that would start a workflow command, after blanks or colour codes', () => {
    expect(guardLineStarts('ok\n  ::warning::x\n\u001b[2m::error::y\nz ::a::')).toBe('ok\n  \\::warning::x\n\u001b[2m\\::error::y\nz ::a::');
  });

  it('JSON: C1, DEL, bidi and runner commands escaped, same data', () => {
    const value = `a\u009b\u007f\u202e ##vso[x] ##[y]`;
    const out = escapeJsonControls(JSON.stringify({ value }));
    expect(out).not.toMatch(LIVE);
    expect(out).not.toMatch(/##(vso)?\[/);
    expect(JSON.parse(out)).toEqual({ value });
  });
});
