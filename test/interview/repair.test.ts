// Issue 17 item 8: an org file with schema errors. The interview asks the
// invalid facts again (each shown with its line:column and what was
// expected), keeps the rest of the file (comments, layout), writes it
// atomically; a problem no question fixes is refused as before. Unit tests
// with a scripted prompter, the CLI with an answers file and in tmux.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { invalidFacts, repairFacts } from '../../src/interview/repair';
import type { Question } from '../../src/interview/plan';
import type { FactAnswer, Prompter } from '../../src/interview/prompter';
import { OrgText } from '../../src/interview/writeback';
import { formatDiagnostic } from '../../src/load/diagnostics';
import { loadOrgText } from '../../src/load/load';
import { BIN, cli, DATE } from '../e2e/run';
import { Terminal } from './tmux';

const BAD = `version: 1
# Acme, typed by hand
leadership:
  sales_managed_by: cto   # who runs sales
  leader_since: 2025-13-01
people:
  - name: AE 1   # top seller
    is_rep: true
    selling_time_pct: 130
    attainment: [40, 5000]
`;

const diagnosticsOf = async (text: string) => {
  const r = await loadOrgText(text, 'org.yaml');
  return r.ok ? [] : r.diagnostics;
};

class Scripted implements Prompter {
  asked: string[] = [];
  constructor(private readonly answers: Record<string, FactAnswer>) {}
  async ask(q: Question): Promise<FactAnswer> {
    this.asked.push(q.path);
    return this.answers[q.path] ?? { kind: 'skip' };
  }
  async askItems(): Promise<never> {
    throw new Error('no list is asked');
  }
  async askNote(): Promise<undefined> {
    return undefined;
  }
  async confirm(): Promise<boolean> {
    return true;
  }
}

describe('invalidFacts', () => {
  it('one question per invalid fact, in file order, each with its place and what was expected; a list value is its list', async () => {
    const found = invalidFacts(await diagnosticsOf(BAD), DATE);
    expect(found.other).toEqual([]);
    expect(found.facts.map((f) => [f.path, f.question.kind, formatDiagnostic(f.diagnostic)])).toEqual([
      ['leadership.sales_managed_by', 'select', 'org.yaml:4:21: leadership.sales_managed_by: expected one of: ceo, founder, sales_manager, nobody; got "cto" (did you mean "ceo"?)'],
      ['leadership.leader_since', 'date', 'org.yaml:5:17: leadership.leader_since: 2025-13-01 does not exist: there is no month 13'],
      ['people[0].selling_time_pct', 'number', 'org.yaml:9:23: people[0].selling_time_pct: expected a number from 0 to 100, got 130'],
      ['people[0].attainment', 'values', 'org.yaml:10:22: people[0].attainment[1]: expected at most 1000 (% of quota), got 5000'],
    ]);
  });

  it('what no question fixes (an unknown key, YAML that does not parse) is left to the user', async () => {
    expect(invalidFacts(await diagnosticsOf(`${BAD}  - name: AE 2\n    sales: x\n`)).other.map(formatDiagnostic)).toEqual([
      expect.stringMatching(/^org\.yaml:12:5: people\[1\]\.sales: unknown key "sales"/),
    ]);
    expect(invalidFacts(await diagnosticsOf('leadership: [\n')).facts).toEqual([]);
  });
});

describe('repairFacts', () => {
  it('writes each answer (or unknown) in place, keeping comments and layout; a skipped fact stays as it was', async () => {
    const org = new OrgText(BAD);
    const p = new Scripted({
      'leadership.sales_managed_by': { kind: 'value', value: 'ceo' },
      'leadership.leader_since': { kind: 'unknown' },
      'people[0].attainment': { kind: 'value', value: [40, 50] },
    });
    const r = await repairFacts(org, invalidFacts(await diagnosticsOf(BAD), DATE).facts, p);
    expect(p.asked).toEqual(['leadership.sales_managed_by', 'leadership.leader_since', 'people[0].selling_time_pct', 'people[0].attainment']);
    expect(r).toEqual({ fixed: ['leadership.sales_managed_by', 'leadership.leader_since', 'people[0].attainment'], left: ['people[0].selling_time_pct'] });
    expect(org.text).toBe(BAD.replace('cto   #', 'ceo   #').replace('2025-13-01', 'unknown').replace('[40, 5000]', '[40, 50]'));
  });
});

const tmp = () => mkdtempSync(join(tmpdir(), 'sales-audit-repair-'));
let term: Terminal | undefined;
afterEach(() => {
  term?.close();
  term = undefined;
});

describe('the CLI', () => {
  it('--answers that answer every invalid fact fix the file (a backup kept, comments kept), then the interview goes on', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'org.yaml'), BAD);
    writeFileSync(join(dir, 'a.yaml'), 'leadership.sales_managed_by: ceo\nleadership.leader_since: 2025-03-01\npeople[0].selling_time_pct: 30\npeople[0].attainment: [40, 50]\ncompany.name: Acme\n');
    const r = cli(['interview', 'org.yaml', '--answers', 'a.yaml', '--date', DATE], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('Fixed 4 facts in org.yaml; the rest of the file is as it was.');
    const text = readFileSync(join(dir, 'org.yaml'), 'utf8');
    expect(text).toContain('  sales_managed_by: ceo   # who runs sales\n');
    expect(text).toContain('  - name: AE 1   # top seller\n');
    expect(parse(text)).toMatchObject({ company: { name: 'Acme' }, leadership: { leader_since: '2025-03-01' }, people: [{ selling_time_pct: 30, attainment: [40, 50] }] });
    expect(readFileSync(join(dir, 'org.yaml.bak'), 'utf8')).toBe(BAD);
  });

  it('--answers that only fix the invalid facts: the run says the file was saved, not "Nothing changed"', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'org.yaml'), 'version: 1\nleadership:\n  sales_managed_by: cto\n');
    writeFileSync(join(dir, 'a.yaml'), 'leadership.sales_managed_by: ceo\n');
    const r = cli(['interview', 'org.yaml', '--answers', 'a.yaml', '--date', DATE], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('Fixed 1 fact in org.yaml');
    expect(r.stderr).toMatch(/sales-audit: Saved in org\.yaml: 0 answered/);
    expect(readFileSync(join(dir, 'org.yaml'), 'utf8')).toBe('version: 1\nleadership:\n  sales_managed_by: ceo\n');
  });

  it('--answers that leave an invalid fact unanswered: exit 2 with the one-line errors, nothing written', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'org.yaml'), BAD);
    writeFileSync(join(dir, 'a.yaml'), 'leadership.sales_managed_by: ceo\n');
    const r = cli(['interview', 'org.yaml', '--answers', 'a.yaml', '--date', DATE], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe('org.yaml:4:21: leadership.sales_managed_by: expected one of: ceo, founder, sales_manager, nobody; got "cto" (did you mean "ceo"?)');
    expect(r.stderr).toContain('sales-audit: fix org.yaml first');
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(readFileSync(join(dir, 'org.yaml'), 'utf8')).toBe(BAD);
  });

  it('in a terminal (tmux): the invalid facts listed with line:column, asked again one by one, the file fixed and the interview going on', async () => {
    const dir = tmp();
    const file = join(dir, 'org.yaml');
    writeFileSync(file, BAD);
    term = new Terminal(`node ${BIN} interview org.yaml --section leadership --date ${DATE}`, dir);
    let s = await term.waitFor(/Ask them again now, keeping everything else in org\.yaml\?/);
    expect(s).toContain('org.yaml does not load: 4 facts have values the schema does not allow.');
    expect(s).toContain('org.yaml:9:23: people[0].selling_time_pct: expected a number from 0 to 100, got 130');
    s = await term.answer(['Enter'], /Who manages the salespeople day to day\?/);
    expect(s).toContain('org.yaml:4:21: leadership.sales_managed_by: expected one of');
    await term.answer(['Enter'], /Since when has the current sales leader/);
    // The model's checks apply: a date after the interview's is refused at once.
    await term.answer(['=2027-01-10', 'Enter'], /is after today's date/);
    for (let i = 0; i < 10; i++) term.keys('BSpace');
    await term.answer(['=2025-03-01', 'Enter'], /What share of their week is spent selling\?/);
    await term.answer(['=30', 'Enter'], /Quota attainment/);
    s = await term.answer(['=40, 50', 'Enter'], /Fixed 4 facts in org\.yaml/);
    await term.answer([], /\?/);
    await term.answer(['C-c'], /EXIT=130/);
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('  sales_managed_by: ceo   # who runs sales\n');
    expect(text).toContain('# Acme, typed by hand\n');
    expect(parse(text)).toMatchObject({ leadership: { leader_since: '2025-03-01' }, people: [{ selling_time_pct: 30, attainment: [40, 50] }] });
    expect((await loadOrgText(text, 'org.yaml')).ok).toBe(true);
  }, 60_000);
});
