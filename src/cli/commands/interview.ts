// `sales-audit interview [file]`: the command's declaration; the work is in
// interview-run.ts, loaded only when the command runs.
import { Command, InvalidArgumentError } from 'commander';
import { HELP_BACKUP, HELP_EMPTY_ANSWERS } from '../../interview/messages';
import { suggest } from '../../load/diagnostics';
import { SECTIONS, type Section } from '../../model/sections';
import { RESPONDENT_GROUPS, type RespondentGroup } from '../../model/respondents';
import { parseDate } from '../options';
import type { InterviewOpts } from './interview-run';

function parseSection(v: string): Section {
  if ((SECTIONS as readonly string[]).includes(v)) return v as Section;
  const s = suggest(v, SECTIONS);
  throw new InvalidArgumentError(`expected one of: ${SECTIONS.join(', ')}${s ? ` (did you mean "${s}"?)` : ''}.`);
}

function parseRespondent(v: string): string {
  if (!v.trim()) throw new InvalidArgumentError('expected who answers, e.g. "Jane Doe, CEO".');
  return v.trim();
}

function parseGroup(v: string): RespondentGroup {
  if ((RESPONDENT_GROUPS as readonly string[]).includes(v)) return v as RespondentGroup;
  const s = suggest(v, RESPONDENT_GROUPS);
  throw new InvalidArgumentError(`expected one of: ${RESPONDENT_GROUPS.join(', ')}${s ? ` (did you mean "${s}"?)` : ''}.`);
}

/** --quick: a whole number of questions, 1 or more. */
export function parseQuick(v: string): number {
  const n = Number(v);
  if (!Number.isSafeInteger(n) || n < 1) throw new InvalidArgumentError('expected a whole number of questions, 1 or more.');
  return n;
}

export function registerInterview(program: Command): void {
  program
    .command('interview')
    .summary('Fill in an org file by answering questions, then see the report.')
    .description(
      'Fill in an org file by answering questions, then see the report. Asks only for the facts the rules need and the file lacks; every answer is saved at once, so Ctrl-C stops and running it again resumes.',
    )
    .argument('[file]', 'the org file to fill in; created when it does not exist (default: asks, suggesting org.yaml)')
    .option('--all', 'ask every question again, with the current answers as defaults')
    .option('--quick <n>', 'ask only the n questions with the most points in play (a meaningful verdict in minutes)', parseQuick)
    .option('--section <name>', `ask about one section only: ${SECTIONS.join(', ')}`, parseSection)
    .option('--respondent <who>', 'who gives the answers, e.g. "Jane Doe, CEO": recorded with each answer, and turns on --notes', parseRespondent)
    .option('--group <group>', `the respondent's role group (${RESPONDENT_GROUPS.join(', ')}): their answers are kept as theirs under responses:, beside everyone else's`, parseGroup)
    .option('--anonymous', "keep this respondent's answers without a name: reports show only their group's aggregate")
    .option('--resume <code>', 'a respondent without a name (--anonymous, or --group alone): go on with the answers of the entry this code names, as printed when a session stopped')
    .option('--notes', "ask for the consultant's notes at the end of each section (shown in the report)")
    .option('--no-notes', 'do not ask for notes, even with --respondent')
    .option('--answers <file>', 'take the answers from a YAML file of fact path: value (no terminal needed)')
    .option('--date <YYYY-MM-DD>', 'the audit date, also recorded with each answer (default: today)', parseDate)
    .option('--no-color', 'never use colour (also: NO_COLOR=1)')
    .addHelpText(
      'after',
      `
Examples:
  $ sales-audit interview acme.yaml
  $ sales-audit interview acme.yaml --quick 5        # the five questions that matter most
  $ sales-audit interview acme.yaml --section leadership
  $ sales-audit interview acme.yaml --respondent "Jane Doe, CEO"
  $ sales-audit interview acme.yaml --answers answers.yaml --date 2026-11-27
  $ sales-audit interview acme.yaml --respondent "Dana Reyes, AE" --group reps --answers dana.yaml
  $ sales-audit interview acme.yaml --group reps --anonymous --answers rep3.yaml
  $ sales-audit interview acme.yaml --group reps --anonymous --resume 3f9a1c07   # an anonymous rep goes on

${HELP_EMPTY_ANSWERS}

${HELP_BACKUP}

An answers file is a YAML map of fact path to answer:
  leadership.sales_managed_by: ceo
  people[0].name: AE 1
  people[0].selling_time_pct: 30
  plan.last_reviewed: unknown
With --group (or a respondent: {name, group, anonymous} key in the answers
file) the answers are one respondent's: kept under responses: in the org file,
never overwriting anyone else's; a rep's answers about themselves are keyed
self.<fact> (self.coaching.one_to_one: monthly). \`sales-audit audit\` then
resolves one value per fact and shows where people disagree.
Without a terminal and without --answers, interview exits 2 at once: use
\`sales-audit audit\` or \`sales-audit lint\` in CI.`,
    )
    .action(async (file: string | undefined, opts: InterviewOpts) => {
      // The implementation (prompts, write-back, the yaml library) loads only when interview runs.
      const { interview } = await import('./interview-run');
      await interview(file, opts);
    });
}
