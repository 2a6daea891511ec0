// What a new user meets in the first hour, walked over every command: --help
// with an example, and a wrong --format or --date refused in one line, in the
// same words everywhere, with exit 2.
import { describe, expect, it } from 'vitest';
import { cli } from './run';

const COMMANDS = ['audit', 'interview', 'lint', 'diff', 'history', 'rules', 'explain', 'schema', 'init', 'questionnaire'];

describe('first hour', () => {
  it('the command list is the one walked here', () => {
    const help = cli(['--help']).stdout;
    const listed = [...help.slice(help.indexOf('Commands:')).matchAll(/^ {2}(\w+) /gm)].map((m) => m[1]).filter((c) => c !== 'help');
    expect(listed).toEqual(COMMANDS);
  });

  it.each(COMMANDS)('%s --help has an example of itself', (command) => {
    const r = cli([command, '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`\\nExamples:\\n(?: {2}\\$ .*\\n)*? {2}\\$ sales-audit ${command}\\b`));
  });

  it.each([
    [['rules'], 'text, json'],
    [['audit', '--example', 'healthy-org'], 'text, markdown, json, html, csv, pdf'],
    [['lint', 'x.yaml'], 'stylish, json, sarif, junit, github, markdown'],
    [['diff', 'a.yaml', 'b.yaml'], 'text, markdown, json, html'],
    [['history', 'a.yaml'], 'text, markdown, json, html'],
    [['questionnaire', '--for', 'reps'], 'yaml, html'],
  ])('%j --format xml: one line naming the formats, exit 2', (args, formats) => {
    const r = cli([...args, '--format', 'xml']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`sales-audit: option '-f, --format <format>' argument 'xml' is invalid. expected one of: ${formats}. (see --help)\n`);
  });

  it('--date that is not in the calendar says why, in the words the org file uses', () => {
    const r = cli(['audit', '--example', 'healthy-org', '--date', '2026-02-30']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      "sales-audit: option '--date <YYYY-MM-DD>' argument '2026-02-30' is invalid. 2026-02-30 does not exist: February 2026 has 28 days; expected a date as YYYY-MM-DD. (see --help)\n",
    );
  });
});
