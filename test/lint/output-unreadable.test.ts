// An input that cannot be read (bad YAML, no such file, not an org file, a
// pattern that matches nothing) is reported in every lint format, and a format
// written with --output holds exactly what it prints on stdout: a CI job that
// uploads the file keeps the reasons. audit has no report of an unreadable
// file: it writes none, to stdout or to --output, and leaves an old one alone.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LINT_FORMATS } from '../../src/report/lint';
import { cli, DATE, scratch } from './helpers';

const REASONS = [
  'invalid.yaml:3:9: invalid YAML: the double quote that starts here is never closed',
  'no-such.yaml: no such file; expected a YAML org file',
  'not-org.yaml:1:1: foo: unknown key',
  'nothing-*.yaml: no files match this pattern',
];
// The words of each reason, as every format can hold them (XML and JSON escape quotes, GitHub commands escape `:` in properties).
const WORDS = ['invalid YAML: the double quote that starts here is never closed', 'no such file; expected a YAML org file', 'unknown key', 'no files match this pattern'];

function inputs(): { dir: string; args: string[] } {
  const dir = scratch();
  writeFileSync(join(dir, 'not-org.yaml'), 'foo: 1\n');
  return { dir, args: ['pass.yaml', 'invalid.yaml', 'no-such.yaml', 'not-org.yaml', 'nothing-*.yaml', '--date', DATE] };
}

describe('lint --output: the reasons a file could not be linted', () => {
  it.each(LINT_FORMATS)('%s: the file written with -o is its stdout twin, reasons included', (format) => {
    const { dir, args } = inputs();
    const out = cli(['lint', ...args, '-f', format], { cwd: dir });
    const file = cli(['lint', ...args, '-f', format, '-o', `out.${format}`], { cwd: dir });
    expect(out.code).toBe(2);
    expect(file.code).toBe(2);
    expect(file.stdout).toBe('');
    const written = readFileSync(join(dir, `out.${format}`), 'utf8');
    expect(written).toBe(out.stdout);
    for (const w of WORDS) expect(written).toContain(w);
    // stderr says them too, once each, in both runs.
    for (const r of [out, file]) for (const reason of REASONS) expect(r.stderr.split('\n').filter((l) => l.startsWith(reason))).toHaveLength(1);
  });

  it('stylish lists each reason as an error line under its file, before the summary line', () => {
    const { dir, args } = inputs();
    const r = cli(['lint', ...args], { cwd: dir });
    const lines = r.stdout.split('\n');
    expect(lines).toContain('invalid.yaml:3:9  error  invalid YAML: the double quote that starts here is never closed');
    expect(lines).toContain('no-such.yaml  error  no such file; expected a YAML org file');
    expect(lines.find((l) => l.startsWith('not-org.yaml:1:1  error  foo: unknown key "foo"; expected one of: '))).toBeDefined();
    expect(lines).toContain('nothing-*.yaml  error  no files match this pattern');
    expect(r.stdout.trimEnd().split('\n').slice(-7).join('\n')).toMatch(
      /^4 files:\n {2}pass\.yaml \d+\/100 .*\n {2}invalid\.yaml could not be linted\n {2}no-such\.yaml could not be linted\n {2}not-org\.yaml could not be linted\n {2}nothing-\*\.yaml matched no file\n\d+ findings?/,
    );
  });

  it('a missing file whose name holds a control sequence or a workflow command: neither reaches the stylish lines', () => {
    const { dir } = inputs();
    const r = cli(['lint', '::warning::x\u001bc\u0007.yaml', '--date', DATE], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    expect(r.stdout).not.toMatch(/^::/m);
    expect(r.stdout).toContain('error  no such file; expected a YAML org file');
  });

  it('a file that cannot be read stays out of no format when the others go to files too', () => {
    const { dir, args } = inputs();
    const targets = LINT_FORMATS.flatMap((f) => ['-f', f, '-o', `all.${f}`]);
    expect(cli(['lint', ...args, ...targets], { cwd: dir }).code).toBe(2);
    for (const f of LINT_FORMATS) expect(readFileSync(join(dir, `all.${f}`), 'utf8')).toBe(cli(['lint', ...args, '-f', f], { cwd: dir }).stdout);
  });
});

describe('audit --output: an org file that cannot be read', () => {
  it.each(['text', 'markdown', 'json', 'html', 'csv', 'pdf'])('%s: nothing on stdout, no file written, an old one kept; the reason on stderr, exit 2', (format) => {
    const { dir } = inputs();
    for (const [org, reason] of [
      ['invalid.yaml', REASONS[0]!],
      ['no-such.yaml', REASONS[1]!],
      ['not-org.yaml', REASONS[2]!],
    ] as const) {
      if (format !== 'pdf') {
        const out = cli(['audit', org, '-f', format, '--date', DATE], { cwd: dir });
        expect(out.code).toBe(2);
        expect(out.stdout).toBe('');
        expect(out.stderr.startsWith(reason)).toBe(true);
      }
      const fresh = cli(['audit', org, '-f', format, '-o', `new.${format}`, '--date', DATE], { cwd: dir });
      expect(fresh.code).toBe(2);
      expect(fresh.stderr.startsWith(reason)).toBe(true);
      expect(existsSync(join(dir, `new.${format}`))).toBe(false);
      writeFileSync(join(dir, `old.${format}`), 'the last good report\n');
      expect(cli(['audit', org, '-f', format, '-o', `old.${format}`, '--date', DATE], { cwd: dir }).code).toBe(2);
      expect(readFileSync(join(dir, `old.${format}`), 'utf8')).toBe('the last good report\n');
    }
  });
});
