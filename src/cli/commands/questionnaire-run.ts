// `sales-audit questionnaire` at work (declared in questionnaire.ts): the
// questions from the model, narrowed to the group; the roster from --org; the
// answers file or the HTML form written atomically, or to stdout.
import { extname } from 'node:path';
import { rules } from '../../../rules/index';
import type { RespondentGroup } from '../../model/respondents';
import { buildQuestionnaire, flatten } from '../../questionnaire/questions';
import { renderQuestionnaireYaml } from '../../questionnaire/yaml';
import type { RuleDefinition } from '../../engine/types';
import { CliError, inputError } from '../errors';
import { loadOrg } from '../org-input';
import { ioReason, printable, writeFileAtomic } from '../output';
import { writeStdout } from '../stdio';
import { VERSION } from '../version';

/** The command's options as commander parses them. */
export interface QuestionnaireOpts {
  for: RespondentGroup;
  org?: string;
  anonymous?: boolean;
  /** A config whose plugins' custom facts are asked too (default: the one that applies to --org, else to the working folder). */
  config?: string;
  format?: 'yaml' | 'html';
  output?: string;
}

/**
 * The rules whose facts are asked: the built-in ones, then the plugin rules of
 * the config (--config; else the one that applies to --org, as the interview
 * finds it; else the one of the working folder, as `rules` does). Their custom
 * facts join the schema the questions come from.
 * @throws {CliError} (exit 2) when that config or a plugin cannot be used.
 */
async function questionnaireRules(opts: QuestionnaireOpts): Promise<readonly RuleDefinition[]> {
  let all: readonly RuleDefinition[];
  if (opts.org && !opts.config) {
    const { ConfigResolver } = await import('../../config/resolver');
    const { rulesWith } = await import('../../config/load');
    const cfg = await new ConfigResolver(rules).forOrg(opts.org);
    if (cfg && !cfg.ok) throw inputError(cfg.diagnostics);
    all = rulesWith(rules, cfg);
  } else all = await (await import('../rules-in-scope')).rulesInScope(opts.config);
  if (all.length > rules.length) {
    const [{ customFactsOf }, { useCustomFacts }] = await Promise.all([import('../../interview/custom-facts'), import('../../model/introspect')]);
    useCustomFacts(customFactsOf(all));
  }
  return all;
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
  const qn = buildQuestionnaire(await questionnaireRules(opts), { group: opts.for, anonymous: opts.anonymous, people });
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
