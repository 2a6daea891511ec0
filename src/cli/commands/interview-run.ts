// `sales-audit interview [file]` at work (declared in interview.ts): ask for the facts the rules need and the file
// lacks, write each answer into the org file as it is given, then print the
// same report as `audit`. The prompt library is import()ed only here, and only
// with a terminal; --answers <file> scripts the whole interview without one.
import { existsSync, statSync } from 'node:fs';
import { chmod, readFile } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { rules } from '../../../rules/index';
import { formatDiagnostic } from '../../load/diagnostics';
import { loadOrgFile, readText } from '../../load/load';
import { PositionMap } from '../../load/positions';
import { orgJsonSchema } from '../../model/json-schema';
import type { Section } from '../../model/schema';
import { AUDIT_FORMATS, render, type Format } from '../../report/index';
import { AnswersError, AnswersPrompter, parseAnswers } from '../../interview/answers';
import type { InquirerPrompter } from '../../interview/inquirer';
import { planQuestions } from '../../interview/plan';
import type { Prompter } from '../../interview/prompter';
import { runSession, summarisePlan, type SessionResult } from '../../interview/session';
import { backupNote } from '../../interview/messages';
import { OrgText } from '../../interview/writeback';
import { CliError, EXIT, inputError } from '../errors';
import { today, useColor, writeFileAtomic } from '../output';
import { initTemplatesDir } from '../paths';
import { auditFile } from './audit-run';
import { SCHEMA_FILE } from './init';
import { stdoutIsTTY } from '../stdio';

export interface InterviewOpts {
  all?: boolean;
  section?: Section;
  respondent?: string;
  notes?: boolean;
  answers?: string;
  date?: string;
  color?: boolean;
}

const isExitPrompt = (e: unknown) => e instanceof Error && (e.name === 'ExitPromptError' || e.name === 'AbortPromptError');

/** The interview command's action. */
export async function interview(fileArg: string | undefined, opts: InterviewOpts): Promise<void> {
  const scripted = opts.answers !== undefined;
  // Never wait for input that cannot come: checked before anything else.
  if (!scripted && !(process.stdin.isTTY && process.stdout.isTTY)) {
    throw new CliError([
      `interview needs a terminal to ask its questions, but ${process.stdin.isTTY ? 'standard output' : 'standard input'} is not one (CI or a pipe?)`,
      'use `sales-audit audit <file>` or `sales-audit lint <file>` instead, or give the answers with --answers <answers.yaml>',
    ]);
  }
  const color = useColor(stdoutIsTTY(), opts.color === false ? false : undefined);
  // Progress and messages: beside the prompts on a terminal; on stderr when scripted, so stdout is the report.
  const say = (line: string) => (scripted ? process.stderr : process.stdout).write(`${scripted ? 'sales-audit: ' : ''}${line}\n`);

  let prompter: Prompter;
  let terminal: InquirerPrompter | undefined;
  let answers: AnswersPrompter | undefined;
  if (scripted) {
    const read = await readText(opts.answers!, 'a YAML answers file');
    if (!read.ok) throw inputError([read.diagnostic]);
    const parsed = parseAnswers(read.text, opts.answers!);
    if (!parsed.ok) throw inputError(parsed.diagnostics);
    prompter = answers = new AnswersPrompter(parsed.entries, opts.answers!);
  } else {
    // Inquirer styles its prompts from the environment: --no-color has to reach it that way.
    if (!color) process.env.NO_COLOR = '1';
    const { createInquirerPrompter } = await import('../../interview/inquirer');
    prompter = terminal = await createInquirerPrompter({ output: process.stdout, color });
  }

  let file = fileArg;
  try {
    if (!file) file = terminal ? await terminal.askFile('org.yaml') : 'org.yaml';
  } catch (e) {
    if (isExitPrompt(e)) throw new CliError(['interrupted; nothing was saved'], EXIT.interrupted);
    throw e;
  }

  // The starting text: the user's file (which must load cleanly), or the blank template.
  const existed = existsSync(file);
  let text: string;
  if (existed) {
    if (statSync(file).isDirectory()) throw new CliError([`${file}: is a directory; expected a YAML org file`]);
    const loaded = await loadOrgFile(file);
    if (!loaded.ok) throw new CliError([...loaded.diagnostics.map(formatDiagnostic), `sales-audit: fix ${file} first (\`sales-audit lint ${file}\`), then run the interview again`], EXIT.usage, true);
    text = loaded.value.text;
  } else {
    const dir = dirname(file) || '.';
    if (!existsSync(dir)) throw new CliError([`${file}: the folder ${dir} does not exist`]);
    const template = join(initTemplatesDir(), 'blank.yaml');
    text = existsSync(template) ? await readFile(template, 'utf8') : 'version: 1\n';
  }
  const org = new OrgText(text);
  const target = file;

  const first = summarisePlan(planQuestions(org.state(), rules, { all: opts.all, section: opts.section, conditional: true }));
  const where = opts.section ? ` about ${opts.section}` : '';
  // People from a CSV roster are not asked about (the interview never writes the CSV): never claim they were.
  const csv = org.state().data.people_csv;
  const roster = typeof csv === 'string' && csv.trim() && (!opts.section || opts.section === 'people') ? csv.trim() : undefined;
  const rosterNote = roster ? `people come from the roster ${roster}, which the interview does not edit: fill in its columns there (performance actions as "date action" items, e.g. 2026-04-01 pay_cut)` : undefined;
  if (!first.questions) {
    say(`${target} already answers every question${where} the rules need${roster ? ' apart from those about people' : ''}${opts.all ? '' : ' (--all asks them again)'}.`);
    if (rosterNote) say(rosterNote);
  } else if (!scripted) {
    const n = `${first.questions} question${first.questions === 1 ? '' : 's'}${where} in ${first.sections.length} section${first.sections.length === 1 ? '' : 's'}`;
    // Wrapped to the terminal's width, like the progress lines.
    terminal!.tell(existed ? `${target}: ${n} to go.` : `Creating ${target}: ${n} (lists add a few per item).`);
    terminal!.tell('Each answer is saved at once: Ctrl-C stops, and running the same command again picks up where you stopped.');
    if (rosterNote) terminal!.tell(rosterNote);
  } else if (rosterNote) say(rosterNote);

  let saves = 0;
  // What the file holds as far as this session knows: a change by anyone else is never overwritten.
  let onDisk: string | undefined = existed ? text : undefined;
  const mode = existed ? statSync(target).mode & 0o777 : undefined;
  const save = async (next: string) => {
    const now = existsSync(target) ? (await readFile(target, 'utf8')).replace(/^\uFEFF/, '') : undefined;
    if (now !== onDisk) {
      throw new CliError([
        `${target} was changed by another program during the interview, so the last answer was not written`,
        `run \`sales-audit interview ${target}\` again to go on from the file as it is now`,
      ]);
    }
    if (saves++ === 0) {
      if (existed) {
        const bak = `${target}.bak`;
        if (!existsSync(bak)) {
          await writeFileAtomic(bak, await readFile(target));
          if (terminal) terminal.tell(backupNote(target, bak));
          else say(backupNote(target, bak));
        }
      } else {
        // As `init` does: the JSON Schema the template's first line points editors to.
        const schemaPath = join(dirname(target), SCHEMA_FILE);
        if (!existsSync(schemaPath)) await writeFileAtomic(schemaPath, `${JSON.stringify(orgJsonSchema(), null, 2)}\n`);
      }
    }
    await writeFileAtomic(target, next);
    // The rename gives the file default permissions: keep the user's (a private org file stays private).
    if (mode !== undefined && (statSync(target).mode & 0o777) !== mode) await chmod(target, mode);
    onDisk = next;
  };
  const checkCsv = async (p: string) => {
    const { loadRoster } = await import('../../load/roster');
    const r = await loadRoster(resolve(dirname(resolve(target)), p), join(dirname(target), p), new PositionMap(), [], 0);
    return r.ok ? undefined : formatDiagnostic(r.diagnostics[0]!);
  };

  let result: SessionResult;
  try {
    result = await runSession({
      org,
      rules,
      prompter,
      all: opts.all,
      section: opts.section,
      notes: opts.notes ?? opts.respondent !== undefined,
      respondent: opts.respondent,
      date: opts.date ?? today(),
      save,
      checkCsv,
    });
  } catch (e) {
    if (isExitPrompt(e)) {
      process.stdout.write('\n');
      const saved = existsSync(target) && saves > 0;
      throw new CliError(
        [
          saved ? `interrupted; every answer given so far is saved in ${target}` : 'interrupted; nothing was saved',
          `run \`sales-audit interview ${[fileArg ?? target, ...resumeFlags(opts)].join(' ')}\` to ${saved ? 'resume where you stopped' : 'start again'}`,
        ],
        EXIT.interrupted,
      );
    }
    if (e instanceof AnswersError) throw inputError([e.diagnostic]);
    throw e;
  }

  if (result.asked) {
    const parts = [`${result.answered} answered`, `${result.unknown} don't know`, `${result.skipped} skipped for now`];
    say(`${scripted ? '' : '\n'}${saves ? `Saved in ${target}` : 'Nothing changed'}: ${parts.join(', ')}.`);
    if (result.skipped) say(`Run \`sales-audit interview ${target}\` again to answer the ${result.skipped} skipped.`);
  }
  for (const e of answers?.unused() ?? []) {
    process.stderr.write(`${opts.answers}:${e.line}:${e.column}: ${e.key}: not asked: the file already answers it, no rule needs it, or it does not apply (--all replaces answers)\n`);
  }
  if (!existsSync(target)) {
    say(`Nothing was answered, so ${target} was not created.`);
    return;
  }

  // The same report as `sales-audit audit <file>`.
  const { report } = await auditFile(target, { date: opts.date });
  const width = process.stdout.isTTY ? process.stdout.columns : undefined;
  if (!scripted) process.stdout.write('\n');
  process.stdout.write(await render('text', report, { color, width }));

  if (terminal) {
    try {
      const stem = join(dirname(target), basename(target, extname(target)));
      for (const format of ['markdown', 'html'] as const) {
        if (!(AUDIT_FORMATS as readonly string[]).includes(format)) continue;
        const out = `${stem}.report.${format === 'markdown' ? 'md' : 'html'}`;
        const label = format === 'markdown' ? 'Markdown' : 'HTML';
        const ok = await terminal.confirm(`save-${format}`, `Save this report as ${label} (${out}${existsSync(out) ? ', replacing it' : ''})?`, format === 'markdown');
        if (!ok) continue;
        await writeFileAtomic(out, await render(format as Format, report, { color: false }));
        say(`Wrote ${out}.`);
      }
    } catch (e) {
      if (!isExitPrompt(e)) throw e;
      process.stdout.write('\n');
      throw new CliError([`interrupted; every answer is saved in ${target}, the report was not saved (\`sales-audit audit ${target}\` prints it again)`], EXIT.interrupted);
    }
  }
}

function resumeFlags(opts: InterviewOpts): string[] {
  const out: string[] = [];
  if (opts.section) out.push('--section', opts.section);
  if (opts.respondent) out.push('--respondent', JSON.stringify(opts.respondent));
  if (opts.notes === true && !opts.respondent) out.push('--notes');
  return out;
}
