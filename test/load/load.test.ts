// The loader on good input: every bundled example and init template loads,
// positions point at the right line:column, `unknown` and empty values are
// handled as the org-file design says, and CSV rosters merge into people.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadOrgFile, loadOrgText } from '../../src/load/load';
import { formatDiagnostic } from '../../src/load/diagnostics';
import { keysAt } from '../../src/model/introspect';
import { getAt, type Segment } from '../../src/model/paths';

const ROOT = join(import.meta.dirname, '..', '..');
const EXAMPLES = join(ROOT, 'templates', 'examples');
const INIT = join(ROOT, 'templates', 'init');
/** Paths as the CLI shows them: relative to the package. */
const rel = (abs: string) => relative(ROOT, abs);
const yamlIn = (dir: string) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort();

async function mustLoad(abs: string) {
  const r = await loadOrgFile(abs, rel(abs));
  if (!r.ok) throw new Error(`${rel(abs)} did not load:\n${r.diagnostics.map(formatDiagnostic).join('\n')}`);
  return r.value;
}

/** 1-based line of the first line matching `re` at or after line `from`. */
function lineOf(text: string, re: RegExp, from = 1): number {
  const lines = text.split('\n');
  for (let i = from - 1; i < lines.length; i++) if (re.test(lines[i]!)) return i + 1;
  throw new Error(`no line matches ${re}`);
}
/** 1-based column where `needle` starts on 1-based `line`. */
function colOf(text: string, line: number, needle: string, nth = 0): number {
  const l = text.split('\n')[line - 1]!;
  let at = -1;
  for (let k = 0; k <= nth; k++) at = l.indexOf(needle, at + 1);
  if (at < 0) throw new Error(`"${needle}" not on line ${line}: ${l}`);
  return at + 1;
}

describe('bundled files', () => {
  const examples = yamlIn(EXAMPLES);
  const templates = yamlIn(INIT);

  it('has the expected examples and templates', () => {
    expect(examples).toEqual(['healthy-org.yaml', 'mid-size-gaps.yaml', 'roster-team.yaml', 'struggling-startup.yaml']);
    expect(templates).toEqual(['blank.yaml', 'founder-led.yaml', 'scaling-team.yaml']);
  });

  it.each(examples)('example %s loads cleanly', async (f) => {
    const text = readFileSync(join(EXAMPLES, f), 'utf8');
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=../../sales-audit.schema.json');
    const loaded = await mustLoad(join(EXAMPLES, f));
    expect(loaded.org.version).toBe(1);
    expect(loaded.org.company?.name).toBeTruthy();
  });

  it.each(templates)('init template %s loads cleanly', async (f) => {
    const text = readFileSync(join(INIT, f), 'utf8');
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=./sales-audit.schema.json');
    expect(text).toContain('sales-audit interview <file>');
    expect(text).toContain('sales-audit audit <file>');
    const loaded = await mustLoad(join(INIT, f));
    expect(loaded.org.version).toBe(1);
    expect(loaded.unknowns).toEqual([]);
  });

  it('blank.yaml holds no answers, only empty keys', async () => {
    const loaded = await mustLoad(join(INIT, 'blank.yaml'));
    // Every section is an empty mapping (or gone): nothing is answered yet.
    for (const [k, v] of Object.entries(loaded.org)) {
      if (k === 'version') continue;
      expect(v, k).toEqual({});
    }
  });

  it('blank.yaml names every key of the schema (as a key or in a commented example)', () => {
    const text = readFileSync(join(INIT, 'blank.yaml'), 'utf8');
    const missing: string[] = [];
    const walk = (path: Segment[]) => {
      for (const k of keysAt(path)) {
        if (k === '$schema' || k === 'version') continue;
        if (!new RegExp(`(^|[\\s{#-])${k.replace('$', '\\$')}:`, 'm').test(text)) missing.push([...path, k].join('.'));
        const sub = keysAt([...path, k]).length ? [...path, k] : keysAt([...path, k, 0]).length ? [...path, k, 0] : undefined;
        if (sub && k !== 'notes' && k !== 'answers') walk(sub);
      }
    };
    walk([]);
    expect(missing).toEqual([]);
  });
});

describe('the mid-size example', () => {
  const abs = join(EXAMPLES, 'mid-size-gaps.yaml');
  const text = readFileSync(abs, 'utf8');

  it('records the waiver as written', async () => {
    const { org } = await mustLoad(abs);
    expect(org.waivers).toEqual([expect.objectContaining({ rule: 'deal-structure-review', owner: 'Sales Director', expires: '2027-06-30' })]);
    expect(org.waivers![0]!.reason.length).toBeGreaterThan(10);
  });

  it('records `unknown` answers by path and removes them from the data', async () => {
    const { org, unknowns } = await mustLoad(abs);
    expect(unknowns).toEqual(['metrics.team_involved', 'people[6].coaching.hours_per_month', 'people[7].selling_time_pct', 'tools.travel_connectivity']);
    for (const p of unknowns) expect(getAt(org, p), p).toBeUndefined();
    // Siblings of an unknown answer stay.
    expect(org.people![6]!.coaching).toEqual({ plan: 'none', one_to_one: 'monthly' });
    expect(org.metrics?.review_cadence).toBe('monthly');
  });

  it('maps a deep path to the line and column of its key and value', async () => {
    const { org, positions } = await mustLoad(abs);
    expect(org.people![2]!.name).toBe('KAM 2');
    const person = lineOf(text, /^ {2}- name: KAM 2$/);
    const line = lineOf(text, /^ {4}attainment:/, person);
    const file = 'templates/examples/mid-size-gaps.yaml';
    expect(positions.get('people[2]')?.key).toEqual({ file, line: person, column: colOf(text, person, 'name') });
    expect(positions.get('people[2].attainment')).toEqual({
      key: { file, line, column: colOf(text, line, 'attainment') },
      value: { file, line, column: colOf(text, line, '[') },
    });
    // One item of a flow list: [88, 95, 91, 99] -> the 95.
    expect(org.people![2]!.attainment![1]).toBe(95);
    expect(positions.get('people[2].attainment[1]')?.value).toEqual({ file, line, column: colOf(text, line, '95') });
    // A nested mapping inside a list item.
    const hours = lineOf(text, /^ {6}hours_per_month:/, person);
    expect(positions.locateValue('people[2].coaching.hours_per_month')).toEqual({ file, line: hours, column: colOf(text, hours, '3') });
  });

  it('locates a fact missing from the file at its nearest ancestor', async () => {
    const { positions } = await mustLoad(abs);
    const person = lineOf(text, /^ {2}- name: KAM 2$/);
    // A list item's place is where its mapping starts (the first key after the dash).
    expect(positions.locate('people[2].actions')).toEqual({ file: 'templates/examples/mid-size-gaps.yaml', line: person, column: colOf(text, person, 'name') });
  });
});

describe('unknown and empty values', () => {
  it('treats `unknown` in any case as "don\'t know", but keeps free text as written', async () => {
    const r = await loadOrgText(
      [
        'company:',
        '  name: Unknown', // 2
        '  employees: UNKNOWN',
        'tools: unknown',
        'notes:',
        '  tools: unknown',
        'waivers:',
        '  - { rule: sales-tools, reason: unknown, owner: CEO, expires: 2027-01-01 }',
      ].join('\n'),
      'org.yaml',
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.unknowns).toEqual(['company.employees', 'company.name', 'tools']);
    expect(r.value.org.company).toEqual({});
    expect(r.value.org.tools).toBeUndefined();
    expect(r.value.org.notes).toEqual({ tools: 'unknown' });
    expect(r.value.org.waivers?.[0]?.reason).toBe('unknown');
  });

  it('treats an empty value, null and blank text as missing', async () => {
    const r = await loadOrgText(
      ['company:', '  name:', '  employees: ~', "  sales_motion: ''", 'leadership:', 'plan:', '  documented: null', '  covers: []', 'people:', '  - name: AE 1', '    title: "  "'].join('\n'),
      'org.yaml',
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.org).toEqual({ company: {}, plan: { covers: [] }, people: [{ name: 'AE 1' }] });
    expect(r.value.unknowns).toEqual([]);
  });

  it('loads an empty file and a comment-only file as an org with no facts', async () => {
    for (const text of ['', '# nothing yet\n']) {
      const r = await loadOrgText(text, 'org.yaml');
      expect(r.ok && r.value.org).toEqual({});
    }
  });
});

describe('CSV roster', () => {
  const abs = join(EXAMPLES, 'roster-team.yaml');
  const csvText = readFileSync(join(EXAMPLES, 'roster-team.csv'), 'utf8');
  const csvFile = 'templates/examples/roster-team.csv';

  it('has about a dozen rows with the documented columns', () => {
    const lines = csvText.trim().split('\n');
    expect(lines[0]).toBe('name,title,is_rep,attainment,selling_time_pct,coaching.plan,coaching.one_to_one,coaching.hours_per_month');
    expect(lines.length - 1).toBe(12);
  });

  it('appends CSV rows after the people written in the org file, with typed values', async () => {
    const { org } = await mustLoad(abs);
    expect(org.people).toHaveLength(13);
    expect(org.people![0]).toMatchObject({ name: 'Sales Manager', is_rep: false });
    expect(org.people![1]).toEqual({
      name: 'AE 1',
      title: 'Account Executive',
      is_rep: true,
      attainment: [88, 92, 97, 90],
      selling_time_pct: 52,
      coaching: { plan: 'individual', one_to_one: 'weekly', hours_per_month: 4 },
    });
    expect(org.people![4]!.title).toBe('Account Executive, Enterprise');
    // Empty cells are missing, not zero or "".
    expect(org.people![11]).toEqual({ name: 'SE 1', title: 'Solutions Engineer', is_rep: false });
  });

  it('records `unknown` cells by path', async () => {
    const { org, unknowns } = await mustLoad(abs);
    expect(unknowns).toContain('people[8].selling_time_pct');
    expect(org.people![8]!.name).toBe('AE 8');
    expect(org.people![8]!.selling_time_pct).toBeUndefined();
  });

  it('points CSV facts at the CSV file, line and column', async () => {
    const { positions } = await mustLoad(abs);
    // AE 4 is the 4th data row: people[4], CSV line 5; its title cell is quoted.
    const line = lineOf(csvText, /^AE 4,/);
    expect(line).toBe(5);
    expect(positions.get('people[4]')?.key).toEqual({ file: csvFile, line, column: 1 });
    expect(positions.locateValue('people[4].title')).toEqual({ file: csvFile, line, column: colOf(csvText, line, '"Account') });
    expect(positions.locateValue('people[4].attainment')).toEqual({ file: csvFile, line, column: colOf(csvText, line, '100;') });
    expect(positions.locateValue('people[4].attainment[2]')).toEqual({ file: csvFile, line, column: colOf(csvText, line, '91') });
    expect(positions.locateValue('people[4].coaching.hours_per_month')).toEqual({ file: csvFile, line, column: csvText.split('\n')[line - 1]!.length });
    // People written in the org file keep their YAML positions.
    const yaml = readFileSync(abs, 'utf8');
    expect(positions.get('people[0]')?.key).toEqual({ file: 'templates/examples/roster-team.yaml', line: lineOf(yaml, /- name: Sales Manager/), column: 5 });
  });

  it('reads CRLF line ends, a byte-order mark and blank lines, keeping positions right', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sales-audit-csv-'));
    try {
      const csv = '\uFEFFname,attainment,coaching.plan\r\nAE 1,50;60,individual\r\n\r\n"AE, 2",70; 80,generic\r\n';
      writeFileSync(join(dir, 'reps.csv'), csv);
      const r = await loadOrgText('people_csv: reps.csv\n', 'org.yaml', { baseDir: dir });
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      expect(r.value.org.people).toEqual([
        { name: 'AE 1', attainment: [50, 60], coaching: { plan: 'individual' } },
        { name: 'AE, 2', attainment: [70, 80], coaching: { plan: 'generic' } },
      ]);
      const at = (p: string) => {
        const v = r.value.positions.locateValue(p)!;
        return `${v.file}:${v.line}:${v.column}`;
      };
      expect(at('people[0].coaching.plan')).toBe('reps.csv:2:12');
      expect(at('people[1]')).toBe('reps.csv:4:1');
      expect(at('people[1].attainment')).toBe('reps.csv:4:9');
      expect(at('people[1].attainment[1]')).toBe('reps.csv:4:13');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  // A roster's places are worked out when asked for (a place per cell set up front was most of loading a large roster).
  it('lists every roster place (row, cell, list item) and finds each one on its own, at the cell the CSV text puts it', async () => {
    const listed = [...(await mustLoad(abs)).positions.entries()].filter(([, p]) => p.key.file === csvFile);
    const lines = csvText.trim().split('\n');
    const header = lines[0]!.split(',');
    // A row, a place per column, and one per item of each non-empty, known attainment cell.
    const items = lines.slice(1).reduce((n, l) => n + (/,((?:\d+;)*\d+),/.exec(l)?.[1]!.split(';').length ?? 0), 0);
    expect(listed.length).toBe(12 * (1 + header.length) + items);
    expect(items).toBeGreaterThan(20);
    // A fresh load for each, so no lookup is served from an earlier one.
    for (const [path, place] of listed.filter((_, i) => i % 7 === 0)) expect((await mustLoad(abs)).positions.get(path), path).toEqual(place);
    const { positions } = await mustLoad(abs);
    for (const [path, place] of listed) {
      expect(positions.get(path), path).toEqual(place);
      // Each cell's place is where its text starts (a quoted cell: at its quote).
      const line = lines[place.key.line - 1]!;
      const col = header.indexOf(path.replace(/^people\[\d+\]\.?/, ''));
      if (col > 0) expect(line.slice(0, place.key.column - 1).match(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/g)?.length, path).toBe(col);
    }
    expect(positions.get('people[13]')).toBeUndefined();
    expect(positions.get('people[12].attainment[9]')).toBeUndefined();
    expect(positions.get('people[12].no_such_column')).toBeUndefined();
    expect(positions.locate('people[12].coaching')).toEqual(positions.get('people[12]')?.key);
  });

  it('resolves the roster relative to the org file, not the working directory', async () => {
    const yaml = readFileSync(abs, 'utf8');
    const r = await loadOrgText(yaml, 'elsewhere/team.yaml', { baseDir: EXAMPLES });
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value.positions.get('people[1]')?.key.file).toBe('elsewhere/roster-team.csv');
  });
});
