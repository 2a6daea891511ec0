// The loader on bad input: each mistake gives exactly one diagnostic (unless
// noted) with the file, line, column and a message a user can act on, and the
// loader never throws.
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadOrgFile, loadOrgText } from '../../src/load/load';
import { formatDiagnostic, type Diagnostic } from '../../src/load/diagnostics';

const lines = (...ls: string[]) => `${ls.join('\n')}\n`;

/** Loads text that must fail; returns its diagnostics. */
async function fails(text: string, file = 'org.yaml', baseDir?: string): Promise<Diagnostic[]> {
  const r = await loadOrgText(text, file, baseDir ? { baseDir } : {});
  if (r.ok) throw new Error('expected the load to fail');
  return r.diagnostics;
}
/** Exactly one diagnostic, returned. */
async function one(text: string, file?: string, baseDir?: string): Promise<Diagnostic> {
  const ds = await fails(text, file, baseDir);
  expect(ds, ds.map(formatDiagnostic).join('\n')).toHaveLength(1);
  return ds[0]!;
}
async function fileFails(path: string, shown = path): Promise<Diagnostic[]> {
  const r = await loadOrgFile(path, shown);
  if (r.ok) throw new Error(`expected ${path} to fail`);
  return r.diagnostics;
}

const dir = mkdtempSync(join(tmpdir(), 'sales-audit-bad-'));
afterAll(() => {
  try {
    chmodSync(join(dir, 'locked.yaml'), 0o644);
  } catch {
    /* not created */
  }
  rmSync(dir, { recursive: true, force: true });
});

describe('YAML syntax', () => {
  it('reports invalid syntax once, where it goes wrong', async () => {
    // `employees` indented one space deeper than `name`: not valid YAML.
    const d = await one(lines('company:', '  name: Acme', '   employees: 3'));
    expect(d).toEqual({ file: 'org.yaml', line: 2, column: 9, message: 'invalid YAML: Nested mappings are not allowed in compact mappings' });
    expect(formatDiagnostic(d)).toBe('org.yaml:2:9: invalid YAML: Nested mappings are not allowed in compact mappings');
  });

  it('points an unclosed quote at where it opens, not at the end of the file', async () => {
    const d = await one(lines('company:', '  name: "Acme', '  employees: 3', 'plan:', '  documented: true'));
    expect(d).toEqual({ file: 'org.yaml', line: 2, column: 9, message: 'invalid YAML: the double quote that starts here is never closed' });
  });

  it('reports a duplicate key with its name, at the second occurrence', async () => {
    const d = await one(lines('company:', '  name: Acme', '  employees: 12', '  name: Acme Widgets'));
    expect(d).toEqual({ file: 'org.yaml', line: 4, column: 3, message: 'duplicate key "name": each key may appear only once in a mapping' });
  });

  it('refuses more than one document', async () => {
    const d = await one(lines('company:', '  name: A', '---', 'company:', '  name: B'));
    expect(d).toMatchObject({ line: 3, column: 1, message: 'invalid YAML: more than one document (a "---" line); an org file holds one' });
  });

  it('refuses an alias bomb ("billion laughs") without expanding it', async () => {
    const bomb = lines(
      'a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]',
      'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]',
      'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]',
      'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]',
      'e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]',
      'f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]',
      'g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]',
      'h: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g]',
      'i: &i [*h, *h, *h, *h, *h, *h, *h, *h, *h]',
    );
    const d = await one(bomb);
    // Refused at the alias that takes the expansion past the limit (each *h stands for 9^7 values).
    expect(d).toEqual({ file: 'org.yaml', line: 6, column: 32, message: 'the data grows past 500,000 values here (each alias counts as a copy of what it names); that is the limit' });
  });

  it('wants a mapping at the top level, not a list', async () => {
    const d = await one(lines('- company:', '    name: Acme', '- plan:', '    documented: true'));
    expect(d).toEqual({ file: 'org.yaml', line: 1, column: 1, message: 'expected a mapping of sections (company:, leadership:, ...) at the top level' });
  });

  it('wants a mapping at the top level, not a scalar', async () => {
    const d = await one('just some text\n');
    expect(d).toMatchObject({ line: 1, column: 1, message: 'expected a mapping of sections (company:, leadership:, ...) at the top level' });
  });
});

describe('schema violations', () => {
  it('names the path and the line:column of a wrongly typed value', async () => {
    const d = await one(lines('people:', '  - name: AE 1', '    selling_time_pct: thirty'));
    expect(d).toEqual({ file: 'org.yaml', line: 3, column: 23, path: 'people[0].selling_time_pct', message: 'expected a number from 0 to 100, got "thirty"' });
    expect(formatDiagnostic(d)).toBe('org.yaml:3:23: people[0].selling_time_pct: expected a number from 0 to 100, got "thirty"');
  });

  it('explains a percentage written with a % sign', async () => {
    const d = await one(lines('tools:', '  crm: HubSpot', '  crm_active_use_pct: 70%'));
    expect(d).toEqual({
      file: 'org.yaml',
      line: 3,
      column: 23,
      path: 'tools.crm_active_use_pct',
      message: 'expected a number from 0 to 100, got "70%"; write the number without "%"',
    });
  });

  it('reports an out-of-range number', async () => {
    const d = await one(lines('tools:', '  crm_active_use_pct: 140'));
    expect(d).toEqual({ file: 'org.yaml', line: 2, column: 23, path: 'tools.crm_active_use_pct', message: 'expected a number from 0 to 100, got 140' });
  });

  it('reports one item of a list out of range, at the item', async () => {
    const d = await one(lines('people:', '  - name: AE 1', '    attainment: [45, -5, 38]'));
    expect(d).toEqual({ file: 'org.yaml', line: 3, column: 22, path: 'people[0].attainment[1]', message: 'expected 0 or more, got -5' });
  });

  it('reports a bad enum value with "did you mean"', async () => {
    const d = await one(lines('leadership:', '  sales_managed_by: sales_manger'));
    expect(d).toEqual({
      file: 'org.yaml',
      line: 2,
      column: 21,
      path: 'leadership.sales_managed_by',
      message: 'expected one of: ceo, founder, sales_manager, nobody; got "sales_manger" (did you mean "sales_manager"?)',
    });
  });

  it('reports a bad enum value inside a list', async () => {
    const d = await one(lines('leadership:', '  outside_help: [advisor, coach, fractional]'));
    expect(d).toMatchObject({ line: 2, column: 34, path: 'leadership.outside_help[2]' });
    expect(d.message).toMatch(/^expected one of: advisor, coach, fractional_leader, training, reading, none; got "fractional"/);
  });

  it('reports an unknown top-level key with "did you mean"', async () => {
    const d = await one(lines('company:', '  name: Acme', 'leadershp:', '  sales_managed_by: ceo'));
    expect(d).toEqual({ file: 'org.yaml', line: 3, column: 1, path: 'leadershp', message: 'unknown key "leadershp"; did you mean "leadership"?' });
  });

  it('reports an unknown nested key with "did you mean"', async () => {
    const d = await one(lines('people:', '  - name: AE 1', '    coaching:', '      paln: individual'));
    expect(d).toEqual({ file: 'org.yaml', line: 4, column: 7, path: 'people[0].coaching.paln', message: 'unknown key "paln"; did you mean "plan"?' });
  });

  it('lists the allowed keys when nothing is close', async () => {
    const d = await one(lines('company:', '  revenue: 12'));
    expect(d).toEqual({ file: 'org.yaml', line: 2, column: 3, path: 'company.revenue', message: 'unknown key "revenue"; expected one of: name, employees, sales_motion' });
  });

  it('reports an impossible date as one that does not exist (issue 12 fault 20)', async () => {
    const d = await one(lines('leadership:', '  leader_since: 2025-02-30'));
    expect(d).toEqual({ file: 'org.yaml', line: 2, column: 17, path: 'leadership.leader_since', message: '2025-02-30 does not exist: February 2025 has 28 days' });
    expect((await one(lines('leadership:', '  leader_since: 2024-13-01'))).message).toBe('2024-13-01 does not exist: there is no month 13');
    expect((await one(lines('leadership:', '  leader_since: 2024-02-30'))).message).toBe('2024-02-30 does not exist: February 2024 has 29 days');
  });

  it('reports a date in another format', async () => {
    const d = await one(lines('plan:', '  documented: true', '  last_reviewed: 03/15/2026'));
    expect(d).toEqual({ file: 'org.yaml', line: 3, column: 18, path: 'plan.last_reviewed', message: 'expected a date as YYYY-MM-DD, got "03/15/2026"' });
  });

  it('reports yes/no words where true/false is expected', async () => {
    const d = await one(lines('plan:', '  documented: yes'));
    expect(d).toEqual({ file: 'org.yaml', line: 2, column: 15, path: 'plan.documented', message: 'expected true or false, got "yes"' });
  });

  it('reports a section written as a scalar', async () => {
    const d = await one(lines('company: Acme'));
    expect(d).toEqual({ file: 'org.yaml', line: 1, column: 10, path: 'company', message: 'expected a mapping (key: value lines), got "Acme"' });
  });

  it('reports an empty list item', async () => {
    const d = await one(lines('roles:', '  -', '  - title: Account Executive'));
    expect(d).toEqual({ file: 'org.yaml', line: 2, column: 4, path: 'roles[0]', message: 'empty list item: fill it in or delete its "-" line' });
  });

  it('explains `unknown` used as one item of a list', async () => {
    const line2 = '  covers: [goals, unknown]';
    const d = await one(lines('plan:', line2));
    expect(d).toEqual({
      file: 'org.yaml',
      line: 2,
      column: line2.indexOf('unknown') + 1,
      path: 'plan.covers[1]',
      message: '"unknown" stands for a whole answer, not one item of a list: write `covers: unknown` instead of the list',
    });
  });

  it('reports the wrong version', async () => {
    const d = await one(lines('version: 2'));
    expect(d).toEqual({ file: 'org.yaml', line: 1, column: 10, path: 'version', message: 'expected version: 1, got 2' });
  });

  it('reports every problem, in file order', async () => {
    const ds = await fails(lines('tools:', '  crm_active_use_pct: 140', 'leadershp: {}', 'plan:', '  documented: maybe'));
    expect(ds.map(formatDiagnostic)).toEqual([
      'org.yaml:2:23: tools.crm_active_use_pct: expected a number from 0 to 100, got 140',
      'org.yaml:3:1: leadershp: unknown key "leadershp"; did you mean "leadership"?',
      'org.yaml:5:15: plan.documented: expected true or false, got "maybe"',
    ]);
  });
});

describe('files that are not YAML text', () => {
  it('refuses a binary file', async () => {
    const f = join(dir, 'binary.yaml');
    writeFileSync(f, Buffer.from([0x63, 0x6f, 0x6d, 0x00, 0x01, 0x02, 0xff, 0x00]));
    expect(await fileFails(f, 'binary.yaml')).toEqual([{ file: 'binary.yaml', message: 'is a binary file; expected a YAML org file' }]);
  });

  it('refuses invalid UTF-8 and points at the first bad byte', async () => {
    const f = join(dir, 'latin1.yaml');
    // "Café" saved as Latin-1: 0xE9 alone is not UTF-8.
    writeFileSync(f, Buffer.concat([Buffer.from('company:\n  name: Caf'), Buffer.from([0xe9]), Buffer.from('\n')]));
    expect(await fileFails(f, 'latin1.yaml')).toEqual([{ file: 'latin1.yaml', line: 2, column: 12, message: 'is not valid UTF-8 text; save it as UTF-8 (expected a YAML org file)' }]);
  });

  it('recognises UTF-16 text rather than calling it binary', async () => {
    const f = join(dir, 'utf16.yaml');
    writeFileSync(f, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('company:\n', 'utf16le')]));
    expect(await fileFails(f, 'utf16.yaml')).toEqual([{ file: 'utf16.yaml', message: 'is UTF-16 text; save it as UTF-8 (expected a YAML org file)' }]);
  });

  it('accepts a UTF-8 byte-order mark', async () => {
    const f = join(dir, 'bom.yaml');
    writeFileSync(f, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('company:\n  name: Acme\n')]));
    const r = await loadOrgFile(f);
    expect(r.ok && r.value.org.company?.name).toBe('Acme');
  });

  it.runIf(existsSync('/dev/zero'))('refuses a device such as /dev/zero (a file that never ends) without reading it', async () => {
    expect(await fileFails('/dev/zero')).toEqual([{ file: '/dev/zero', message: 'is a device, not a regular file; expected a YAML org file' }]);
  });

  it('refuses a directory', async () => {
    const d = join(dir, 'a-folder.yaml');
    mkdirSync(d);
    expect(await fileFails(d, 'a-folder.yaml')).toEqual([{ file: 'a-folder.yaml', message: 'is a directory; expected a YAML org file' }]);
  });

  it('reports a missing file', async () => {
    expect(await fileFails(join(dir, 'nope.yaml'), 'nope.yaml')).toEqual([{ file: 'nope.yaml', message: 'no such file; expected a YAML org file' }]);
  });

  it('reports a path that runs through a file (ENOTDIR)', async () => {
    const f = join(dir, 'plain.yaml');
    writeFileSync(f, 'company: {}\n');
    expect(await fileFails(join(f, 'x'), 'plain.yaml/x')).toEqual([
      { file: 'plain.yaml/x', message: 'no such file: a part of the path before the file name is a file, not a folder; expected a YAML org file' },
    ]);
  });
  // An unreadable file (EACCES) is tested end to end in test/e2e/cli.test.ts, as a
  // non-root user: root reads a chmod-000 file anyway.
});

describe('CSV roster problems', () => {
  const roster = (name: string, csv: string) => {
    const sub = mkdtempSync(join(dir, `${name}-`));
    writeFileSync(join(sub, 'reps.csv'), csv);
    return sub;
  };
  const org = lines('company:', '  name: Acme', 'people_csv: reps.csv');

  it('reports an unknown column with "did you mean", at the header cell', async () => {
    const base = roster('col', lines('name,title,selling_time,coaching.plan', 'AE 1,Account Executive,40,individual'));
    const d = await one(org, 'team/org.yaml', base);
    expect(d).toEqual({ file: 'team/reps.csv', line: 1, column: 12, message: 'unknown column "selling_time"; did you mean "selling_time_pct"?' });
  });

  it('reports an unknown dotted column with the dotted suggestion', async () => {
    const base = roster('dot', lines('name,coaching.plna', 'AE 1,individual'));
    const d = await one(org, 'org.yaml', base);
    expect(d).toEqual({ file: 'reps.csv', line: 1, column: 6, message: 'unknown column "coaching.plna"; did you mean "coaching.plan"?' });
  });

  it('reports a missing roster at the people_csv line of the org file', async () => {
    const base = mkdtempSync(join(dir, 'missing-'));
    const d = await one(org, 'team/org.yaml', base);
    expect(d).toEqual({
      file: 'team/org.yaml',
      line: 3,
      column: 13,
      path: 'people_csv',
      message: 'roster "team/reps.csv": no such file; expected a CSV roster',
    });
  });

  it('reports a bad cell at its line and column in the CSV', async () => {
    const row = '"AE 2","Account Executive, Key accounts",lots';
    const base = roster('cell', lines('name,title,selling_time_pct', 'AE 1,Account Executive,40', row));
    const d = await one(org, 'org.yaml', base);
    expect(d).toEqual({ file: 'reps.csv', line: 3, column: row.indexOf('lots') + 1, path: 'people[1].selling_time_pct', message: 'expected a number from 0 to 100, got "lots"' });
  });

  it('reports a bad list item in a cell at its own column', async () => {
    const row = 'AE 1,45; 1400;38';
    const base = roster('list', lines('name,attainment', row));
    const d = await one(org, 'org.yaml', base);
    expect(d).toEqual({ file: 'reps.csv', line: 2, column: row.indexOf('1400') + 1, path: 'people[0].attainment[1]', message: 'expected at most 1000 (% of quota), got 1400' });
  });

  it('reports a row with the wrong number of cells', async () => {
    const base = roster('len', lines('name,title', 'AE 1,Account Executive', 'AE 2,Account Executive,extra'));
    const d = await one(org, 'org.yaml', base);
    expect(d).toEqual({ file: 'reps.csv', line: 3, column: 1, message: 'invalid CSV: the row has 3 cells, the header has 2' });
  });
});

describe('contradictory answers', () => {
  it('rejects "none" beside real answers in a list of choices', async () => {
    const r = await loadOrgText('leadership:\n  outside_help: [advisor, none]\n', 'org.yaml');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.diagnostics).toEqual([{ file: 'org.yaml', line: 2, column: 17, path: 'leadership.outside_help', message: 'expected "none" alone, or a list without "none"' }]);
  });
});
