// `sales-audit questionnaire --for <group>`: the questions one respondent group
// can answer, as an answers file or an offline HTML form, for respondents who do
// not run a terminal. The command's declaration; the work is in questionnaire-run.ts.
import { Command, InvalidArgumentError } from 'commander';
import { suggest } from '../../load/diagnostics';
import { GROUP_LABELS, RESPONDENT_GROUPS, type RespondentGroup } from '../../model/respondents';
import type { QuestionnaireOpts } from './questionnaire-run';

/** The formats a questionnaire is written in. */
export const QUESTIONNAIRE_FORMATS = ['yaml', 'html'] as const;

function parseGroup(v: string): RespondentGroup {
  if ((RESPONDENT_GROUPS as readonly string[]).includes(v)) return v as RespondentGroup;
  const s = suggest(v, RESPONDENT_GROUPS);
  throw new InvalidArgumentError(`expected one of: ${RESPONDENT_GROUPS.join(', ')}${s ? ` (did you mean "${s}"?)` : ''}.`);
}

function parseFormat(v: string): 'yaml' | 'html' {
  if ((QUESTIONNAIRE_FORMATS as readonly string[]).includes(v)) return v as 'yaml' | 'html';
  throw new InvalidArgumentError(`expected one of: ${QUESTIONNAIRE_FORMATS.join(', ')}.`);
}

/** Declares `questionnaire` on the program; its implementation is import()ed only when it runs. */
export function registerQuestionnaire(program: Command): void {
  program
    .command('questionnaire')
    .summary('Write the questions one group of respondents can answer, as an answers file or an offline HTML form.')
    .description(
      'Write the questions one group of respondents can answer (reps, managers...), for people who do not run a terminal: an answers file with each question as a comment, or a self-contained HTML form that works offline and saves the answers file. Import the answers with `sales-audit interview <org file> --answers <file>`.',
    )
    .requiredOption(
      '--for <group>',
      `who answers: ${RESPONDENT_GROUPS.map((g) => (GROUP_LABELS[g] === g || GROUP_LABELS[g].startsWith(`${g} `) ? GROUP_LABELS[g] : `${g} (${GROUP_LABELS[g]})`)).join(', ')}`,
      parseGroup,
    )
    .option('--org <file>', 'the org file: management and operations then answer the per-person facts for each person of its roster')
    .option('--anonymous', 'no name in the answers file (the report shows the group only)')
    .option('--config <file>', "the config whose plugins' custom facts are asked too (default: the .sales-audit.yaml that applies to --org, else to the working folder)")
    .option('-f, --format <format>', 'yaml (an answers file) or html (a form); default: from the -o file name, else yaml', parseFormat)
    .option('-o, --output <file>', 'write to this file instead of stdout (.yaml/.yml: answers file, .html/.htm: form)')
    .addHelpText(
      'after',
      `
Examples:
  $ sales-audit questionnaire --for reps --anonymous -o reps.html        a form for the reps, no names
  $ sales-audit questionnaire --for management --org acme.yaml -o vp.yaml   per-person questions over acme's roster
  $ sales-audit interview acme.yaml --answers rep-1.yaml --respondent "Rep 1"   import a returned file

Every value in the answers file is left empty (not answered); "unknown" means
don't know. The HTML form makes no request to any host, runs from file://, checks
each answer with the model's rules and saves the same answers file.`,
    )
    .action(async (opts: QuestionnaireOpts) => {
      const { questionnaire } = await import('./questionnaire-run');
      await questionnaire(opts);
    });
}
