// `sales-audit questionnaire` at work (declared in questionnaire.ts): the
// questions from the model, narrowed to the group; the roster from --org; the
// answers file or the HTML form written atomically, or to stdout.
import { extname } from 'node:path';
import { rules } from '../../../rules/index';
import type { RespondentGroup } from '../../model/respondents';
import { buildQuestionnaire, flatten } from '../../questionnaire/questions';
import { renderQuestionnaireYaml } from '../../questionnaire/yaml';
import { CliError } from '../errors';
import { loadOrg } from '../org-input';
import { ioReason, printable, writeFileAtomic } from '../output';
import { writeStdout } from '../stdio';
import { VERSION } from '../version';

/** The command's options as commander parses them. */
export interface QuestionnaireOpts {
  for: RespondentGroup;
  org?: string;
  anonymous?: boolean;
  format?: 'yaml' | 'html';
  output?: string;
}

/** yaml or html: --format, else the -o file's extension, else yaml. */
export function formatFor(opts: Pick<QuestionnaireOpts, 'format' | 'output'>): 'yaml' | 'html' {
  const ext = opts.output ? extname(opts.output).toLowerCase() : '';
  const fromName = ext === '.html' || ext === '.htm' ? 'html' : ext === '.yaml' || ext === '.yml' ? 'yaml' : undefined;
  if (opts.format && fromName && opts.format !== fromName) {
    throw new CliError([`--format ${opts.format} does not match the file name ${printable(opts.output!)}; give a .${opts.format === 'html' ? 'html' : 'yaml'} name or leave --format out`]);
  }
  return opts.format ?? fromName ?? 'yaml';
}

/**
 * The questionnaire command's action: writes the answers file or the form to
 * -o (atomically) or stdout. Throws CliError (exit 2, one line) for a --format
 * that contradicts the file name, an unreadable or invalid --org file (its
 * file:line:col) or a file that cannot be written.
 */
export async function questionnaire(opts: QuestionnaireOpts): Promise<void> {
  const format = formatFor(opts);
  const people = opts.org ? ((await loadOrg(opts.org, undefined)).org.people as Record<string, unknown>[] | undefined) : undefined;
  // Checked (a bad file still stops the run), but a rep answers about themselves, not per person.
  if (opts.org && opts.for === 'reps') process.stderr.write('sales-audit: note: --org adds no questions for reps: each rep answers about themselves (self.*)\n');
  const qn = buildQuestionnaire(rules, { group: opts.for, anonymous: opts.anonymous, people });
  const text = format === 'html' ? (await import('../../questionnaire/html')).renderQuestionnaireHtml(qn, VERSION) : renderQuestionnaireYaml(qn);
  if (!opts.output || opts.output === '-') {
    writeStdout(text);
    return;
  }
  try {
    await writeFileAtomic(opts.output, text);
  } catch (e) {
    throw new CliError([`cannot write ${printable(opts.output)}: ${ioReason(e)}`]);
  }
  const count = qn.sections.reduce((n, s) => n + flatten(s.nodes).length, 0);
  process.stderr.write(
    `sales-audit: wrote ${printable(opts.output)}: ${format === 'html' ? 'an HTML form' : 'an answers file'} of ${count} questions for ${opts.for}${opts.anonymous ? ' (anonymous)' : ''}\n`,
  );
}
