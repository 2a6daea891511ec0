// The interview end to end, against the built binary: in a real terminal
// (tmux), with an answers file and no terminal, and without either.
import { chmodSync, copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { BIN, bundleFiles, cli, DATE, loadedChunks, ROOT } from '../e2e/run';
import { loadOrgFile } from '../../src/load/load';
import { Terminal } from './tmux';

const tmp = () => mkdtempSync(join(tmpdir(), 'sales-audit-interview-'));
const FIXTURE = join(ROOT, 'test/fixtures/interview/hand-written.yaml');
const commentLines = (text: string) => text.split('\n').filter((l) => l.includes('#'));

let term: Terminal | undefined;
afterEach(() => {
  term?.close();
  term = undefined;
});

describe('in a terminal (tmux)', () => {
  it('a new user: no file, one section answered, the report, saved as Markdown', async () => {
    const dir = tmp();
    term = new Terminal(`node ${BIN} interview acme.yaml --section leadership --date ${DATE}`, dir);
    let s = await term.waitFor(/Who manages the salespeople day to day\?/);
    expect(s).toContain('Creating acme.yaml');
    // Eight: who, experience, help, since when, leaders in three years, a 90-day plan while the leader may be new,
    // reps per manager and a manager's coaching hours.
    expect(s).toContain('8 questions about leadership');
    expect(s).toMatch(/Leadership 1\/1 · question 1 of 8 · why we ask: rules sales-leadership, sales-vs-marketing\n/);
    expect(s).toMatch(/❯ The CEO[\s\S]*Don't know[\s\S]*Skip for now/);
    s = await term.answer(['Enter'], /How many years has that person spent managing salespeople\?/);
    expect(s).toContain('question 2 of 8');
    // Out of range first: the schema's maximum is checked at the prompt.
    await term.answer(['=75', 'Enter'], /expected at most 60/);
    await term.answer(['BSpace', 'BSpace', '=2', 'Enter'], /What outside help/);
    await term.answer(['Space', 'Down', 'Down', 'Down', 'Down', 'Space', 'Enter'], /Since when has the current sales leader/);
    s = await term.answer(['=2025-09-01', 'Enter'], /How many people have led sales in the last three years/);
    // In the role for over a year: the 90-day plan does not apply, so it leaves the count at once (it ended at "7 of 8").
    expect(s).toContain('question 5 of 7');
    // The CEO runs sales (the first answer): the questions name the CEO, not a sales manager the company does not have.
    s = await term.answer(['=1', 'Enter'], /How many reps report to the CEO or another first-line manager/);
    expect(s).not.toContain('first 90 days');
    s = await term.answer(['=4', 'Enter'], /How many hours a month can the CEO give to coaching/);
    expect(s).toContain('question 7 of 7');
    s = await term.answer(['=12', 'Enter'], /Save this report as HTML \(acme\.report\.html\)\? \(Y\/n\)/);
    // The same report as `audit`: its heading, this file, the leadership rule assessed.
    expect(s).toMatch(/sales-leadership/);
    expect(s).toContain('acme.yaml');
    // HTML, the client deliverable, is offered first and by default; Markdown after it, by default not.
    await term.answer(['Enter'], /Save this report as Markdown \(acme\.report\.md\)\? \(y\/N\)/);
    await term.answer(['=y', 'Enter'], /EXIT=0/);
    expect(readFileSync(join(dir, 'acme.report.html'), 'utf8')).toMatch(/^<!doctype html>/i);

    const text = readFileSync(join(dir, 'acme.yaml'), 'utf8');
    expect(parse(text).leadership).toEqual({
      sales_managed_by: 'ceo',
      manager_experience_years: 2,
      outside_help: ['advisor', 'reading'],
      leader_since: '2025-09-01',
      leaders_last_3_years: 1,
      first_90_days_plan: null,
      reps_per_manager: 4,
      manager_coaching_hours_per_month: 12,
    }); // the 90-day plan: the template's key, left empty: not asked
    expect(text).toContain('# sales-audit org file: a description of your sales organisation.');
    expect(existsSync(join(dir, 'acme.yaml.bak'))).toBe(false); // nothing to back up: the file is new
    expect(readFileSync(join(dir, 'acme.report.md'), 'utf8')).toMatch(/^# /);
    const audit = cli(['audit', join(dir, 'acme.yaml'), '--format', 'json', '--date', DATE]);
    const rule = JSON.parse(audit.stdout).rules.find((r: { id: string }) => r.id === 'sales-leadership');
    expect(rule.status).not.toBe('not-assessed');
  });

  it('a checkbox list submitted with nothing ticked asks what that means, instead of writing "none of these"', async () => {
    const dir = tmp();
    term = new Terminal(`node ${BIN} interview acme.yaml --section plan --date ${DATE}`, dir);
    await term.waitFor(/Is there a written go-to-market sales plan\?/);
    let s = await term.answer(['Enter'], /Which of these does the plan cover\?/);
    expect(s).toContain("Press Enter with nothing ticked to skip it, mark it as don't know, or answer none of these.");
    s = await term.answer(['Enter'], /Nothing ticked:[\s\S]*Skip for now[\s\S]*Don't know[\s\S]*None of these[\s\S]*Answer it after all/);
    // "Answer it after all", then tick one with "Skip for now": refused until the skip is unticked.
    await term.answer(['Down', 'Down', 'Down', 'Enter'], /Which of these does the plan cover\?(?![\s\S]*Nothing ticked:)/);
    s = await term.answer(['Space', 'Down', 'Down', 'Down', 'Down', 'Down', 'Down', 'Space', 'Enter'], /"Skip for now" goes on its own/);
    await term.answer(['Space', 'Enter'], /question 3 of/);
    await term.answer(['C-c'], /EXIT=130/);
    expect(parse(readFileSync(join(dir, 'acme.yaml'), 'utf8')).plan).toMatchObject({ documented: true, covers: ['target_markets'] });
  });

  it('Ctrl-C half-way exits 130 with the file valid and its comments kept; running again resumes and finishes', async () => {
    const dir = tmp();
    const file = join(dir, 'org.yaml');
    copyFileSync(FIXTURE, file);
    const original = readFileSync(file, 'utf8');
    term = new Terminal(`node ${BIN} interview org.yaml --section tools --date ${DATE}`, dir);
    await term.waitFor(/Where does the real customer and deal data live\?/);
    await term.answer(['Enter'], /What share of reps use the CRM every week\?/);
    let s = await term.answer(['C-c'], /EXIT=130/);
    expect(s).toContain('interrupted; every answer given so far is saved in org.yaml');
    expect(s).toContain('run `sales-audit interview org.yaml --section tools` to resume where you stopped');
    term.close();

    const half = readFileSync(file, 'utf8');
    expect(parse(half).tools).toEqual({ crm: 'HubSpot', system_of_record: 'crm' });
    expect((await loadOrgFile(file)).ok).toBe(true);
    expect(commentLines(half)).toEqual(commentLines(original));
    expect(readFileSync(`${file}.bak`, 'utf8')).toBe(original);

    // Between sessions the user adds notes of their own: they must survive the rest of the interview.
    writeFileSync(file, `${half.replace('  crm: HubSpot        # since 2023', '  crm: HubSpot        # since 2023; renewal in May')}# Added between sessions.\n`);
    term = new Terminal(`node ${BIN} interview org.yaml --section tools --date ${DATE}`, dir);
    s = await term.waitFor(/What share of reps use the CRM every week\?/);
    expect(s).toContain('org.yaml: 4 questions about tools in 1 section to go.');
    expect(s).not.toContain('Where does the real customer');
    await term.answer(['=80', 'Enter'], /Do reps travel to customers\?/);
    await term.answer(['Enter'], /Can reps reach company systems from the road/);
    await term.answer(['Enter'], /Do travelling reps have mobile data/);
    // "Don't know": two rows down past the separator.
    await term.answer(['Down', 'Down', 'Enter'], /Save this report as HTML/);
    await term.answer(['=n', 'Enter'], /Save this report as Markdown/);
    await term.answer(['=n', 'Enter'], /EXIT=0/);

    const done = readFileSync(file, 'utf8');
    expect(parse(done).tools).toEqual({ crm: 'HubSpot', system_of_record: 'crm', crm_active_use_pct: 80, remote_access: true, travel_connectivity: 'unknown', reps_travel: true });
    for (const line of commentLines(original).filter((l) => !l.includes('since 2023'))) expect(done).toContain(line);
    expect(done).toContain('  crm: HubSpot        # since 2023; renewal in May\n');
    expect(done).toContain('# Added between sessions.\n');
    expect(readFileSync(`${file}.bak`, 'utf8')).toBe(original); // the first original, not the half-way file
  });
});

describe('a change made by someone else during the interview', () => {
  it('is never overwritten: the answer is added to the file as it is now, and the interview says so', async () => {
    const dir = tmp();
    const file = join(dir, 'org.yaml');
    copyFileSync(FIXTURE, file);
    term = new Terminal(`node ${BIN} interview org.yaml --section tools --date ${DATE}`, dir);
    await term.waitFor(/Where does the real customer and deal data live\?/);
    const edited = `${readFileSync(file, 'utf8')}# edited in another window\n`;
    writeFileSync(file, edited);
    // The note, then the next question (so Ctrl-C lands on a prompt).
    const s = await term.answer(['Enter'], /your answers are added to it as it is now\.[\s\S]*\?/);
    expect(s).toContain('org.yaml was changed by another program during the interview');
    await term.answer(['C-c'], /EXIT=130/);
    const text = readFileSync(file, 'utf8');
    // The other program's change and the answer, both.
    expect(text).toContain('# edited in another window\n');
    expect(parse(text).tools.system_of_record).toBeTruthy();
    expect(parse(readFileSync(FIXTURE, 'utf8')).tools?.system_of_record).toBeUndefined();
  });
});

describe('the reports saved at the end', () => {
  it('replace an existing report keeping its mode (a private report stays private)', async () => {
    const dir = tmp();
    copyFileSync(join(ROOT, 'templates/examples/healthy-org.yaml'), join(dir, 'acme.yaml'));
    writeFileSync(join(dir, 'acme.report.md'), 'old');
    chmodSync(join(dir, 'acme.report.md'), 0o600);
    term = new Terminal(`node ${BIN} interview acme.yaml --section leadership --date ${DATE}`, dir);
    await term.waitFor(/Save this report as HTML/);
    await term.answer(['=n', 'Enter'], /Save this report as Markdown \(acme\.report\.md, replacing it\)\?/);
    await term.answer(['=y', 'Enter'], /EXIT=0/);
    expect(readFileSync(join(dir, 'acme.report.md'), 'utf8')).toMatch(/^# /);
    expect(statSync(join(dir, 'acme.report.md')).mode & 0o777).toBe(0o600);
  });
});

describe('without a terminal', () => {
  it('with --answers: the whole interview scripted, answers recorded with the respondent, the report on stdout', () => {
    const dir = tmp();
    writeFileSync(
      join(dir, 'answers.yaml'),
      [
        'company.name: Acme',
        'leadership.sales_managed_by: ceo',
        'leadership.manager_experience_years: 0',
        'leadership.outside_help: [none]',
        'leadership.leader_since: unknown',
        'people[0].name: AE 1',
        'people[0].is_rep: true',
        'people[0].selling_time_pct: 30',
        'notes.leadership: The CEO sells two days a week.',
      ].join('\n'),
    );
    const r = cli(['interview', 'acme.yaml', '--answers', 'answers.yaml', '--respondent', 'Jane Doe, CEO', '--date', DATE], { cwd: dir });
    expect(r.stderr).toContain("sales-audit: Saved in acme.yaml: 7 answered, 1 don't know");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Acme');
    expect(r.stdout).toMatch(/sales-leadership/);
    const data = parse(readFileSync(join(dir, 'acme.yaml'), 'utf8'));
    expect(data.leadership.leader_since).toBe('unknown');
    expect(data.people).toEqual([{ name: 'AE 1', is_rep: true, selling_time_pct: 30 }]);
    expect(data.notes).toEqual({ leadership: 'The CEO sells two days a week.' });
    expect(data.answers['leadership.sales_managed_by']).toEqual({ by: 'Jane Doe, CEO', on: DATE });

    const audit = JSON.parse(cli(['audit', 'acme.yaml', '--format', 'json', '--date', DATE], { cwd: dir }).stdout);
    expect(audit.org.respondents).toEqual(['Jane Doe, CEO']);
    expect(audit.unknowns).toContainEqual(expect.objectContaining({ path: 'leadership.leader_since', origin: 'interview', respondent: 'Jane Doe, CEO' }));
    expect(audit.notes).toEqual({ leadership: 'The CEO sells two days a week.' });
  });

  it('without --answers: exits 2 at once, pointing to audit and lint, and creates nothing', () => {
    const dir = tmp();
    const r = cli(['interview', 'acme.yaml'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^sales-audit: interview needs a terminal to ask its questions, but standard input is not one/);
    expect(r.stderr).toContain('`sales-audit audit <file>` or `sales-audit lint <file>`');
    expect(r.stderr).toContain('--answers');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a bad answers file stops before anything is written, with file:line:col', () => {
    const dir = tmp();
    copyFileSync(FIXTURE, join(dir, 'org.yaml'));
    writeFileSync(join(dir, 'a.yaml'), 'tools.crm_active_use: 50\n');
    const r = cli(['interview', 'org.yaml', '--answers', 'a.yaml'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('a.yaml:1:1: tools.crm_active_use: unknown fact "tools.crm_active_use"; did you mean "tools.crm_active_use_pct"?\n');
    expect(readFileSync(join(dir, 'org.yaml'), 'utf8')).toBe(readFileSync(FIXTURE, 'utf8'));
  });

  it("a date after the interview's date is refused with the reason and file:line:col, nothing written (issue 17 item 4)", () => {
    const dir = tmp();
    copyFileSync(FIXTURE, join(dir, 'org.yaml'));
    writeFileSync(join(dir, 'a.yaml'), 'company.name: Acme\nrecruiting.open_territories[0].name: North\nrecruiting.open_territories[0].opened_on: 2027-01-10\n');
    const r = cli(['interview', 'org.yaml', '--answers', 'a.yaml', '--date', DATE], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`a.yaml:3:1: recruiting.open_territories[0].opened_on: 2027-01-10 is after today's date ${DATE}; when did it open?\n`);
    expect(readFileSync(join(dir, 'org.yaml'), 'utf8')).toBe(readFileSync(FIXTURE, 'utf8'));
  });

  it('an invalid org file is refused with its diagnostics, untouched', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'org.yaml'), 'leadership:\n  sales_managed_by: cto\n');
    writeFileSync(join(dir, 'a.yaml'), 'company.name: Acme\n');
    const r = cli(['interview', 'org.yaml', '--answers', 'a.yaml'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^org\.yaml:2:21: leadership\.sales_managed_by: expected one of: ceo, founder, sales_manager, nobody; got "cto"/);
    expect(r.stderr).toContain('fix org.yaml first');
    expect(readdirSync(dir).sort()).toEqual(['a.yaml', 'org.yaml']);
  });

  it('--section is checked, with a suggestion', () => {
    const r = cli(['interview', 'x.yaml', '--section', 'leadershp', '--answers', '/dev/null']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('did you mean "leadership"?');
  });
});

describe('writes', () => {
  it('each write replaces the file by rename (atomic), leaves no temporary file, and keeps one backup of the original', () => {
    const dir = tmp();
    const file = join(dir, 'org.yaml');
    copyFileSync(FIXTURE, file);
    const original = readFileSync(file, 'utf8');
    chmodSync(file, 0o600);
    const inode = statSync(file).ino;
    writeFileSync(join(dir, 'a.yaml'), 'tools.system_of_record: crm\n');
    expect(cli(['interview', 'org.yaml', '--answers', 'a.yaml', '--section', 'tools', '--date', DATE], { cwd: dir }).code).toBe(0);
    expect(statSync(file).ino).not.toBe(inode);
    expect(statSync(file).mode & 0o777).toBe(0o600); // a private file stays private
    expect(readdirSync(dir).sort()).toEqual(['a.yaml', 'org.yaml', 'org.yaml.bak']);
    expect(readFileSync(`${file}.bak`, 'utf8')).toBe(original);

    // A second session: the backup still holds the file as it was before any interview.
    writeFileSync(join(dir, 'a.yaml'), 'tools.reps_travel: false\n');
    expect(cli(['interview', 'org.yaml', '--answers', 'a.yaml', '--section', 'tools', '--date', DATE], { cwd: dir }).code).toBe(0);
    expect(readFileSync(`${file}.bak`, 'utf8')).toBe(original);
    expect(parse(readFileSync(file, 'utf8')).tools).toMatchObject({ system_of_record: 'crm', reps_travel: false });
  });

  it('a session that changes nothing writes nothing', () => {
    const dir = tmp();
    const file = join(dir, 'org.yaml');
    copyFileSync(FIXTURE, file);
    const inode = statSync(file).ino;
    // An empty answers file (not /dev/null: a device is refused as an input since issue 13), kept outside the org's folder.
    const answers = join(tmp(), 'none.yaml');
    writeFileSync(answers, '');
    const r = cli(['interview', 'org.yaml', '--answers', answers, '--section', 'tools', '--date', DATE], { cwd: dir });
    expect(r.code).toBe(0);
    expect(statSync(file).ino).toBe(inode);
    expect(readdirSync(dir)).toEqual(['org.yaml']);
  });
});

describe('the prompt library stays out of audit and lint', () => {
  // (The tmux tests above show the interview loading it.)
  it('audit and lint never load the chunk that import()s @inquirer/prompts', () => {
    const holders = [...bundleFiles()].filter(([, src]) => src.includes('@inquirer/prompts')).map(([f]) => f);
    expect(holders).toHaveLength(1);
    const audit = loadedChunks(['audit', '--example', 'healthy-org', '--format', 'json', '--date', DATE]);
    const lint = loadedChunks(['lint', 'templates/examples/healthy-org.yaml']);
    // Both ran and reported what they loaded, and neither loaded the prompt library's chunk.
    for (const run of [audit, lint]) {
      expect(run.chunks.length).toBeGreaterThan(1);
      expect(run.chunks.map((c) => c.file)).not.toContain(holders[0]);
    }
  });
});
