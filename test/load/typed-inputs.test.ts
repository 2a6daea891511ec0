// Inputs people really type (issue 12 faults 18-20): semicolon rosters,
// performance actions in a roster, impossible dates, a list of one written
// bare, abbreviations, and the one rule for yes/no across YAML files.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatDiagnostic, suggest } from '../../src/load/diagnostics';
import { loadOrgText } from '../../src/load/load';
import { cellPositions, detectDelimiter } from '../../src/load/roster';
import { cli } from '../lint/helpers';

const dir = mkdtempSync(join(tmpdir(), 'sales-audit-typed-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const lines = (...ls: string[]) => `${ls.join('\n')}\n`;

async function withRoster(csv: string) {
  const sub = mkdtempSync(join(dir, 'r-'));
  writeFileSync(join(sub, 'reps.csv'), csv);
  return loadOrgText(lines('company:', '  name: Acme', 'people_csv: reps.csv'), 'org.yaml', { baseDir: sub });
}

describe('CSV rosters (issue 12 faults 18 and 19)', () => {
  it('reads a semicolon-separated roster (what many spreadsheet locales export), list cells quoted', async () => {
    const r = await withRoster(lines('name;title;is_rep;attainment', 'AE 1;"Account Executive, Enterprise";true;"45;40;38"', 'AE 2;AE;false;'));
    if (!r.ok) throw new Error(r.diagnostics.map(formatDiagnostic).join('\n'));
    expect(r.value.org.people).toEqual([
      { name: 'AE 1', title: 'Account Executive, Enterprise', is_rep: true, attainment: [45, 40, 38] },
      { name: 'AE 2', title: 'AE', is_rep: false },
    ]);
    // Positions follow the same delimiter: attainment[1] of AE 1 is at line 2, column 47.
    expect(r.value.positions.get('people[0].attainment[1]')?.key).toMatchObject({ file: 'reps.csv', line: 2, column: 47 });
    expect(r.value.positions.get('people[1].is_rep')?.key).toMatchObject({ line: 3, column: 9 });
  });

  it('detects the delimiter from the header line only, outside quotes', () => {
    expect(detectDelimiter('name,title\nA;B;C\n')).toBe(',');
    expect(detectDelimiter('name;title;is_rep\n')).toBe(';');
    expect(detectDelimiter('name\ttitle\n')).toBe('\t');
    expect(detectDelimiter('"a;b;c",title\n')).toBe(',');
    expect(cellPositions('a;b\n1;"x;y"\n', ';')).toEqual([
      [
        { line: 1, column: 1 },
        { line: 1, column: 3 },
      ],
      [
        { line: 2, column: 1 },
        { line: 2, column: 3, quoted: true },
      ],
    ]);
  });

  it('reads performance actions from a roster as "date action" items', async () => {
    const r = await withRoster(lines('name,is_rep,actions', 'AE 1,true,2026-04-01 pay_cut; 2026-06-01 release', 'AE 2,true,'));
    if (!r.ok) throw new Error(r.diagnostics.map(formatDiagnostic).join('\n'));
    expect(r.value.org.people![0]!.actions).toEqual([
      { date: '2026-04-01', action: 'pay_cut' },
      { date: '2026-06-01', action: 'release' },
    ]);
    expect(r.value.org.people![1]!.actions).toBeUndefined();
  });

  it('points a malformed action at its item, and a bad action word at the CSV cell', async () => {
    const r = await withRoster(lines('name,actions', 'AE 1,2026-04-01 pay_cut;pay_cut'));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.diagnostics).toEqual([
      { file: 'reps.csv', line: 2, column: 25, path: 'people[0].actions[1]', message: 'expected "date action" items such as "2026-04-01 pay_cut", separated by ";"; got "pay_cut"' },
    ]);
    const bad = await withRoster(lines('name,actions', 'AE 1,2026-04-01 pay_cutt'));
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.diagnostics).toHaveLength(1);
    expect(bad.diagnostics[0]).toMatchObject({ file: 'reps.csv', line: 2, path: 'people[0].actions[0].action', message: expect.stringMatching(/did you mean "pay_cut"/) });
  });
});

describe('values people type (issue 12 fault 20)', () => {
  const one = async (text: string) => {
    const r = await loadOrgText(text, 'org.yaml');
    if (r.ok) throw new Error('expected the load to fail');
    expect(r.diagnostics).toHaveLength(1);
    return r.diagnostics[0]!;
  };

  it('says a date does not exist rather than that it is not a date', async () => {
    expect(await one(lines('plan:', '  last_reviewed: 2026-02-30'))).toMatchObject({ line: 2, column: 18, message: '2026-02-30 does not exist: February 2026 has 28 days' });
    expect((await one(lines('plan:', '  last_reviewed: 30/01/2026'))).message).toBe('expected a date as YYYY-MM-DD, got "30/01/2026"');
  });

  it('suggests [x] for a list of one written bare', async () => {
    expect(await one(lines('leadership:', '  outside_help: reading'))).toMatchObject({ path: 'leadership.outside_help', message: 'expected a list, got "reading"; write [reading] for a list of one' });
  });

  it('never echoes a value with a line break raw in the hint (found by the fuzz target)', async () => {
    const d = await one(lines('marketing:', '  owns: |-', '    a', '    b'));
    expect(formatDiagnostic(d)).toBe('org.yaml:2:9: marketing.owns: expected a list, got "a\\nb"');
  });

  it('suggests a snake_case name from its initials (icp)', async () => {
    expect((await one(lines('plan:', '  covers: [icp]'))).message).toMatch(/did you mean "ideal_customer_profile"\?/);
    expect(suggest('icp', ['ideal_customer_profile', 'value_proposition'])).toBe('ideal_customer_profile');
    expect(suggest('vp', ['ideal_customer_profile', 'value_proposition'])).toBe('value_proposition');
  });
});

describe('a percentage written as a fraction (issue 12 fault 20)', () => {
  it('refuses 0.8 where 0 to 100 is meant, at the value, with the fix', async () => {
    const r = await loadOrgText(lines('tools:', '  crm_active_use_pct: 0.8', 'people:', '  - name: AE 1', '    selling_time_pct: 0.35', '    attainment: [90, 0.9]'), 'org.yaml');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.diagnostics.map(formatDiagnostic)).toEqual([
      'org.yaml:2:23: tools.crm_active_use_pct: 0.8 reads as 0.8 %; percentages are numbers from 0 to 100: write 80 for 80 %',
      'org.yaml:5:23: people[0].selling_time_pct: 0.35 reads as 0.35 %; percentages are numbers from 0 to 100: write 35 for 35 %',
      'org.yaml:6:22: people[0].attainment[1]: 0.9 reads as 0.9 %; percentages are numbers from 0 to 100: write 90 for 90 %',
    ]);
  });

  it('keeps 0, 1 and whole percentages', async () => {
    const r = await loadOrgText(lines('tools:', '  crm_active_use_pct: 0', 'admin:', '  selling_time_pct: 1', 'people:', '  - {name: A, attainment: [100, 45.5]}'), 'org.yaml');
    expect(r.ok).toBe(true);
  });
});

describe('the interview and a roster (issue 12 fault 19)', () => {
  it('never claims to have asked about people who come from a roster, and says where their facts go', () => {
    const work = mkdtempSync(join(dir, 'iv-'));
    const roster = join(import.meta.dirname, '..', '..', 'templates', 'examples');
    writeFileSync(join(work, 'roster-team.csv'), readFileSync(join(roster, 'roster-team.csv')));
    writeFileSync(join(work, 'org.yaml'), readFileSync(join(roster, 'roster-team.yaml')));
    writeFileSync(join(work, 'a.yaml'), '{}\n');
    const r = cli(['interview', 'org.yaml', '--answers', 'a.yaml', '--date', '2026-11-27'], { cwd: work });
    expect(r.stderr).not.toMatch(/already answers every question the rules need[ .(]/);
    expect(r.stderr).toMatch(/people come from the roster roster-team\.csv, which the interview does not edit: fill in its columns there \(performance actions as "date action" items/);
  });
});
