// Several respondents (issue 14) at a real terminal: a rep's own interview
// asks only what the reps can answer, about themselves, with no default from
// the file or from anyone else, saves into their own entry, and shows the
// consultant the gaps only when asked.
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { BIN, cli, DATE, ROOT } from './run';
import { Terminal } from '../interview/tmux';

let term: Terminal | undefined;
afterEach(() => {
  term?.close();
  term = undefined;
});

describe('a rep at the terminal', () => {
  it('asks AE 2 only about their own coaching and time, shows no current answer, then the gaps on request', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sales-audit-rep-'));
    copyFileSync(`${ROOT}templates/examples/mid-size-gaps.yaml`, join(dir, 'org.yaml'));
    writeFileSync(join(dir, 'vp.yaml'), 'respondent: {name: VP, group: management}\npeople[4].coaching.one_to_one: weekly\n');
    expect(cli(['interview', 'org.yaml', '--answers', 'vp.yaml', '--date', DATE], { cwd: dir }).code).toBe(0);
    const before = readFileSync(join(dir, 'org.yaml'), 'utf8');

    term = new Terminal(`node ${BIN} interview org.yaml --respondent "AE 2" --group reps --section people --date ${DATE}`, dir);
    // The file says AE 2 sells 38% of the time: never offered as a default.
    let s = await term.waitFor(/Person 5 \(AE 2\) › What share of your week is spent selling\? \(%\)/);
    expect(s).not.toMatch(/\(38\)|38%/);
    expect(s).not.toMatch(/AE 1|KAM|ISR/);
    await term.answer(['=25', 'Enter'], /development plan/);
    await term.answer(['Enter'], /What does the plan focus on\?/);
    await term.answer(['Enter'], /Nothing ticked:/);
    await term.answer(['Enter'], /one-to-one with your manager\?/);
    // Monthly: one down from Weekly.
    await term.answer(['Down', 'Enter'], /coaching do you get per month\?/);
    await term.answer(['Enter'], /No answer given:/);
    s = await term.answer(['Enter'], /show where people disagree/);
    expect(s).not.toContain('sales management');
    s = await term.answer(['=y', 'Enter'], /EXIT=0/);
    expect(s).toMatch(/Saved \d+ answers? from AE 2 \(reps\) in org\.yaml\. Thank you\./);
    // Person by person: what the VP and AE 2 say of AE 2, beside the file's record of AE 2.
    expect(s).toMatch(/how often AE 2 has a one-to-one \(people\[4\]\.coaching\.one_to_one\)\n\s+the org file: monthly\n\s+sales management: weekly\n\s+sales reps: monthly\n/);
    expect(s).not.toMatch(/their week|this person/);

    const after = readFileSync(join(dir, 'org.yaml'), 'utf8');
    // Everything before the new entry is as it was; the entry is AE 2's, about person 5 only.
    expect(after.startsWith(before.trimEnd())).toBe(true);
    const mine = parse(after).responses[1];
    expect(mine).toMatchObject({ respondent: 'AE 2', group: 'reps', on: DATE });
    // Kept by name (issue 14, item 1).
    expect(mine.answers['people[name=AE 2].selling_time_pct']).toBe(25);
    expect(mine.answers['people[name=AE 2].coaching.one_to_one']).toBe('monthly');
    expect(Object.keys(mine.answers).every((k: string) => k.startsWith('people[name=AE 2].'))).toBe(true);
    // The body is untouched: AE 2's 38% stands as the consultant's record.
    expect(parse(after).people[4].selling_time_pct).toBe(38);
  });

  it('Ctrl-C keeps what was answered; the same command resumes without asking it again', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sales-audit-rep-'));
    copyFileSync(`${ROOT}templates/examples/mid-size-gaps.yaml`, join(dir, 'org.yaml'));
    const command = `node ${BIN} interview org.yaml --respondent "AE 2" --group reps --section people --date ${DATE}`;
    term = new Terminal(command, dir);
    await term.waitFor(/What share of your week is spent selling\? \(%\)/);
    await term.answer(['=25', 'Enter'], /development plan/);
    const s = await term.answer(['C-c'], /EXIT=130/);
    expect(s).toContain('run `sales-audit interview org.yaml --respondent "AE 2" --group reps` to go on where you stopped');
    term.close();
    term = new Terminal(command, dir);
    const again = await term.waitFor(/development plan/);
    expect(again).not.toContain('spent selling');
    expect(parse(readFileSync(join(dir, 'org.yaml'), 'utf8')).responses).toEqual([{ respondent: 'AE 2', group: 'reps', on: DATE, answers: { 'people[name=AE 2].selling_time_pct': 25 } }]);
  });

  it('an anonymous rep who stops goes on by the code of their entry: nothing asked twice, one entry, no name; a wrong code is one line, exit 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sales-audit-rep-'));
    copyFileSync(`${ROOT}templates/examples/mid-size-gaps.yaml`, join(dir, 'org.yaml'));
    const command = `node ${BIN} interview org.yaml --group reps --anonymous --section tools --date ${DATE}`;
    term = new Terminal(command, dir);
    await term.waitFor(/\? Which CRM do the reps use\?/);
    term.type('Salesforce');
    await term.answer(['Enter'], /\? Where does the real customer and deal data live\?/);
    const s = await term.answer(['C-c'], /EXIT=130/);
    const m = /run `sales-audit interview org\.yaml --group reps --anonymous --resume ([0-9a-f]{8})` to go on where you stopped\s+\(the code finds these answers again, not a name; keep it\)/.exec(s);
    expect(m, s).not.toBeNull();
    const code = m![1]!;
    const saved = parse(readFileSync(join(dir, 'org.yaml'), 'utf8')).responses;
    expect(saved).toEqual([{ group: 'reps', anonymous: true, on: DATE, resume: code, answers: { 'tools.crm': 'Salesforce' } }]);
    term.close();

    // The same command with the code: the answered question is not asked again; answers go into the same entry.
    term = new Terminal(`${command} --resume ${code}`, dir);
    const again = await term.waitFor(/question 2 of 6 · [^\n]*\n\? Where does the real customer and deal data live\?/);
    expect(again).not.toContain('Which CRM');
    await term.answer(['Enter'], /question 3 of 6/);
    await term.answer(['C-c'], /EXIT=130/);
    expect(parse(readFileSync(join(dir, 'org.yaml'), 'utf8')).responses).toEqual([
      { group: 'reps', anonymous: true, on: DATE, resume: code, answers: { 'tools.crm': 'Salesforce', 'tools.system_of_record': 'crm' } },
    ]);
    // Nothing of the code reaches a report.
    expect(cli(['audit', 'org.yaml', '--format', 'json', '--date', DATE], { cwd: dir }).stdout).not.toContain(code);

    // A code no entry of the group has: one line, exit 2, the file untouched; the same for another group's.
    writeFileSync(join(dir, 'none.yaml'), '{}\n');
    const file = readFileSync(join(dir, 'org.yaml'), 'utf8');
    for (const args of [
      ['--group', 'reps', '--anonymous', '--resume', '00000000'],
      ['--group', 'management', '--anonymous', '--resume', code],
    ]) {
      const r = cli(['interview', 'org.yaml', ...args, '--answers', 'none.yaml', '--date', DATE], { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(
        `sales-audit: org.yaml: no answers of an anonymous respondent of the group ${args[1]} have the resume code "${args[4]}": give the code the stopped interview printed, or leave out --resume to start a new entry\n`,
      );
    }
    expect(readFileSync(join(dir, 'org.yaml'), 'utf8')).toBe(file);
    // --resume with a name, or without a group: what to do instead.
    expect(cli(['interview', 'org.yaml', '--respondent', 'AE 2', '--group', 'reps', '--resume', code, '--answers', 'none.yaml'], { cwd: dir }).stderr).toBe(
      'sales-audit: --resume is for a respondent without a name: AE 2 goes on with --respondent "AE 2" alone; drop --resume\n',
    );
    expect(cli(['interview', 'org.yaml', '--resume', code, '--answers', 'none.yaml'], { cwd: dir }).stderr).toMatch(/^sales-audit: --resume goes on with a respondent's answers: give their --group/);
  });
});
