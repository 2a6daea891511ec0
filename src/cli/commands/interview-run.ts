// `sales-audit interview [file]` at work (declared in interview.ts): ask for the facts the rules need and the file
// lacks, write each answer into the org file as it is given, then print the
// same report as `audit`. The prompt library is import()ed only here, and only
// with a terminal; --answers <file> scripts the whole interview without one.
import { accessSync, constants, existsSync, lstatSync, readdirSync, readFileSync, statSync, unlinkSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { rules } from '../../../rules/index';
import { formatDiagnostic } from '../../load/diagnostics';
import { loadOrgFile, loadOrgText, readText, type LoadedOrg } from '../../load/load';
import type { RuleDefinition } from '../../engine/types';
import { ConfigResolver } from '../../config/resolver';
import { rulesWith } from '../../config/load';
import { PositionMap } from '../../load/positions';
import { orgJsonSchema } from '../../model/json-schema';
import type { Section } from '../../model/schema';
import { AUDIT_FORMATS, render, type Format } from '../../report/index';
import { AnswersError, AnswersPrompter, parseAnswers, SELF_PREFIX, type RespondentHeader } from '../../interview/answers';
import type { InquirerPrompter } from '../../interview/inquirer';
import { planQuestions } from '../../interview/plan';
import type { Prompter } from '../../interview/prompter';
import { runSession, summarisePlan, type AnswerEdit, type SessionResult } from '../../interview/session';
import { backupNote } from '../../interview/messages';
import { OrgText } from '../../interview/writeback';
import { invalidFacts, repairFacts, type InvalidFact, type RepairResult } from '../../interview/repair';
import type { Diagnostic } from '../../load/diagnostics';
import { CliError, EXIT, inputError } from '../errors';
import { detachedNote, ioReason, isReadOnly, printable, readOnlyWhy, today, useColor, writeFileAtomic, writeTarget } from '../output';
import { LOCK_WAIT_MS, LockBusyError, withLock } from '../lock';
import { initTemplatesDir } from '../paths';
import { auditFile } from './audit-run';
import { SCHEMA_FILE } from './init';
import { stdoutIsTTY, stream, writeStderrLine, writeStdout } from '../stdio';
import { safeLine } from '../../report/safe';
import { customFactGroups, RESPONDENT_GROUPS, type RespondentGroup } from '../../model/respondents';
import { keyToPath } from '../../model/paths';
import { toYou } from '../../questionnaire/questions';
import { randomBytes } from 'node:crypto';
import { addAnswer, entryIndex, isWanted, nameless, newResumeCode, personOf, putResponse, respondentFacts, responseFromAnswers, type Respondent } from '../../interview/responses';

export interface InterviewOpts {
  all?: boolean;
  /** Ask only the n questions with the most points in play. */
  quick?: number;
  section?: Section;
  respondent?: string;
  /** The respondent's role group: their answers are kept under `responses:` (several respondents). */
  group?: RespondentGroup;
  anonymous?: boolean;
  /** A respondent without a name: the resume code of their entry (`--resume`). */
  resume?: string;
  notes?: boolean;
  answers?: string;
  date?: string;
  color?: boolean;
}

const isExitPrompt = (e: unknown) => e instanceof Error && (e.name === 'ExitPromptError' || e.name === 'AbortPromptError');

/** The interview command's action. Every message it prints names files: control characters in a name are escaped. */
export async function interview(fileArg: string | undefined, opts: InterviewOpts): Promise<void> {
  try {
    await runInterview(fileArg, opts);
  } catch (e) {
    if (e instanceof CliError) throw new CliError(e.lines.map(printable), e.exitCode, e.bare);
    throw e;
  }
}

async function runInterview(fileArg: string | undefined, opts: InterviewOpts): Promise<void> {
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
  // Each line made safe on its own (a file name in it cannot drive the terminal); the line breaks we put in stay.
  const say = (text: string) => {
    const out = `${text
      .split('\n')
      .map((l) => (l ? safeLine(`${scripted ? 'sales-audit: ' : ''}${l}`) : l))
      .join('\n')}\n`;
    if (scripted) process.stderr.write(out);
    else writeStdout(out);
  };

  let prompter: Prompter;
  let terminal: InquirerPrompter | undefined;
  let answers: AnswersPrompter | undefined;
  let header: RespondentHeader | undefined;
  // The rules asked for: the built-in ones and the plugins of the config that applies to the file, whose custom
  // facts the answers file may answer (so known before it is read). At a terminal, once the file is named.
  let all = scripted ? await interviewRules(fileArg ?? 'org.yaml') : rules;
  if (scripted) {
    const read = await readText(opts.answers!, 'a YAML answers file');
    if (!read.ok) throw inputError([read.diagnostic]);
    const parsed = parseAnswers(read.text, opts.answers!, { respondent: opts.group !== undefined, date: opts.date ?? today() });
    if (!parsed.ok) throw inputError(parsed.diagnostics);
    prompter = answers = new AnswersPrompter(parsed.entries, opts.answers!);
    header = parsed.respondent;
  } else {
    // Inquirer styles its prompts from the environment: --no-color has to reach it that way.
    if (!color) process.env.NO_COLOR = '1';
    const { createInquirerPrompter } = await import('../../interview/inquirer');
    prompter = terminal = await createInquirerPrompter({ output: stream(), color });
  }

  const who = respondentOf(opts, header, answers);

  let file = fileArg;
  try {
    if (!file) file = terminal ? await terminal.askFile('org.yaml') : 'org.yaml';
  } catch (e) {
    if (isExitPrompt(e)) throw new CliError(['interrupted; nothing was saved'], EXIT.interrupted);
    throw e;
  }
  if (!scripted) all = await interviewRules(file);

  // Where each save lands (a symbolic link is written through), checked before
  // any question: a save that cannot happen is said now, not after the answers.
  let real: string;
  try {
    real = writeTarget(file);
  } catch (e) {
    throw new CliError([`cannot save answers in ${file}: ${ioReason(e)}; nothing was changed`]);
  }
  if (opts.answers !== undefined && sameFile(opts.answers, file))
    throw new CliError([`${file} is the answers file given with --answers; the interview writes into the org file, so give it another file`]);
  // The starting text: the user's file (which must load cleanly), or the blank template.
  const existed = existsSync(file);
  let text: string;
  let invalid: { diagnostics: Diagnostic[]; facts: InvalidFact[] } | undefined;
  const before = existed ? statSync(file) : undefined;
  if (before) {
    if (before.isDirectory()) throw new CliError([`${file}: is a directory; expected a YAML org file`]);
    const loaded = await loadOrgFile(file);
    const problems = loaded.ok ? await customProblems(loaded.value, all) : loaded.diagnostics;
    if (problems.length) {
      // Invalid values of facts the interview asks can be asked again (a terminal, if the user agrees; an answers
      // file, if it answers every one); anything else (YAML, an unknown key) is fixed by hand, as the lines say.
      const found = invalidFacts(problems, opts.date ?? today());
      const fixable = found.facts.length > 0 && !found.other.length && (terminal !== undefined || found.facts.every((f) => answers!.has(f.path)));
      if (!fixable) throw refuseInvalid(problems, file);
      invalid = { diagnostics: problems, facts: found.facts };
    }
    if (before.isFile() && isReadOnly(before))
      throw new CliError([
        `${file}: ${readOnlyWhy(before).replace(/^it is /, 'is ')}, and the interview saves each answer into it; nothing was changed`,
        `make it writable (\`chmod u+w ${file}\`), or interview into a copy, then run the interview again`,
      ]);
    // As read, BOM and all: the loader's text has the BOM removed, the save must keep it.
    text = readFileSync(real, 'utf8');
  } else {
    const dir = dirname(file) || '.';
    if (!existsSync(dir)) throw new CliError([`${file}: the folder ${dir} does not exist`]);
    const template = join(initTemplatesDir(), 'blank.yaml');
    text = existsSync(template) ? await readFile(template, 'utf8') : 'version: 1\n';
  }
  try {
    accessSync(dirname(real), constants.W_OK);
  } catch (e) {
    throw new CliError([`cannot save answers in ${file}: the folder ${dirname(real)} is not writable (${ioReason(e)}); nothing was changed`]);
  }
  removeStrayTemps(real);
  const org = new OrgText(text);
  const target = file;

  const original = text;
  if (invalid) text = await repairInvalid(invalid, { org, prompter, terminal, file, real, text, say, rules: all });

  // --quick: rank the unknowns by the points they hold in play, as the report's find-out items do.
  let only: string[] | undefined;
  if (opts.quick !== undefined) {
    const loaded = await loadOrgText(text, target);
    const { runAudit } = await import('../../engine/run');
    const { quickFacts } = await import('../../interview/quick');
    const report = loaded.ok ? runAudit({ org: loaded.value.org, unknowns: loaded.value.unknowns, date: opts.date ?? today(), rules: all, file: target }) : undefined;
    only = report ? quickFacts(report, opts.quick) : [];
  }

  const first = who ? { questions: 1, sections: [] } : summarisePlan(planQuestions(org.state(), all, { all: opts.all, section: opts.section, conditional: true, only, date: opts.date ?? today() }));
  const where = opts.section ? ` about ${opts.section}` : '';
  // People from a CSV roster are not asked about (the interview never writes the CSV): never claim they were.
  const csv = org.state().data.people_csv;
  const roster = typeof csv === 'string' && csv.trim() && (!opts.section || opts.section === 'people') ? csv.trim() : undefined;
  const rosterNote = roster
    ? `people come from the roster ${roster}, which the interview does not edit: fill in its columns there (performance actions as "date action" items, e.g. 2026-04-01 pay_cut)`
    : undefined;
  if (!first.questions) {
    say(`${target} already answers every question${where} the rules need${roster ? ' apart from those about people' : ''}${opts.all ? '' : ' (--all asks them again)'}.`);
    if (rosterNote) say(rosterNote);
  } else if (!scripted && !who) {
    const n = `${first.questions} question${first.questions === 1 ? '' : 's'}${where} in ${first.sections.length} section${first.sections.length === 1 ? '' : 's'}`;
    // Wrapped to the terminal's width, like the progress lines.
    terminal!.tell(printable(existed ? `${target}: ${n} to go.` : `Creating ${target}: ${n} (lists add a few per item).`));
    terminal!.tell('Each answer is saved at once: Ctrl-C stops, and running the same command again picks up where you stopped.');
    if (rosterNote) terminal!.tell(rosterNote);
  } else if (rosterNote && !who) say(rosterNote);

  let saves = 0;
  // The fact paths whose answers are in the file (for the message when a save fails).
  const saved: string[] = [];
  // What the file holds as far as this session knows: a change by anyone else is never overwritten.
  let onDisk: string | undefined = existed ? text : undefined;
  let merged = false;
  const tell = (line: string) => (terminal ? terminal.tell(printable(line)) : say(line));
  const readNow = () => {
    try {
      return readFileSync(real, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw e;
    }
  };
  const save = async (next: string, edit: AnswerEdit) => {
    try {
      await withLock(real, async () => {
        // Checked and written under the lock, so another interview's save cannot fall between the two.
        const now = readNow();
        if (now !== onDisk) {
          // Changed by another program (a second interview, an editor): this answer goes into the file as it is
          // now, so neither change is lost. A file that no longer loads is left alone.
          const check = now === undefined ? undefined : await loadOrgText(now.replace(/^\uFEFF/, ''), target, { baseDir: dirname(resolve(target)) });
          if (!check?.ok)
            throw new CliError([
              `${target} was ${now === undefined ? 'deleted' : 'changed into a file that does not load'} by another program during the interview, so the last answer (${edit.path}) was not written`,
              `run \`sales-audit interview ${target}\` again to go on from the file as it is now`,
            ]);
          org.reset(now!);
          edit.apply(org);
          next = org.text;
          if (!merged) tell(`${target} was changed by another program during the interview: your answers are added to it as it is now.`);
          merged = true;
        }
        if (saves === 0 && existed) await backup();
        const r = await writeFileAtomic(target, next);
        // Never report a save that is not in the file.
        if (readNow() !== next)
          throw new CliError([
            `${target} does not hold the last answer (${edit.path}) after saving it: another program replaced it at the same moment`,
            `run \`sales-audit interview ${target}\` again to go on from the file as it is now`,
          ]);
        const note = detachedNote(target, r);
        if (note) tell(note.replace(/^note: /, 'Note: '));
      });
    } catch (e) {
      if (e instanceof CliError) throw e;
      throw saveFailed(e, edit.path);
    }
    onDisk = next;
    saves++;
    saved.push(edit.path);
    if (saves === 1 && !existed) {
      // As `init` does: the JSON Schema the template's first line points editors to. Only once the org file
      // exists, so a failed first save leaves nothing behind.
      const schemaPath = join(dirname(target), SCHEMA_FILE);
      if (!existsSync(schemaPath)) {
        try {
          await writeFileAtomic(schemaPath, `${JSON.stringify(orgJsonSchema(), null, 2)}\n`);
        } catch (e) {
          tell(`Note: ${schemaPath} (for editor completion) was not written: ${ioReason(e)}.`);
        }
      }
    }
  };
  // The first change to an existing file keeps the original beside it, private if the original is.
  const backup = async () => {
    const bak = `${target}.bak`;
    const st = lstatSync(bak, { throwIfNoEntry: false });
    if (st?.isDirectory()) return tell(`Note: ${bak} is a folder, so no backup copy of ${target} was made.`);
    if (st) return;
    await writeFileAtomic(bak, readFileSync(real), { like: statSync(real) });
    tell(backupNote(target, bak));
  };
  // A respondent without a name goes on by the code of their entry, once the file holds it.
  const resumeCommand = () =>
    `sales-audit interview ${[fileArg ?? target, ...resumeFlags(opts, who && nameless(who) && (saved.length || opts.resume !== undefined) ? who.resume : undefined)].join(' ')}`;
  const saveFailed = (e: unknown, path: string) => {
    const busy = e instanceof LockBusyError;
    const list = saved.length > 4 ? `${saved.slice(0, 4).join(', ')} and ${saved.length - 4} more` : saved.join(', ');
    return new CliError([
      busy ? `cannot save ${target}: another sales-audit (${e.holder}) has been saving it for over ${LOCK_WAIT_MS / 1000} s (${e.lockPath})` : `cannot save ${target}: ${ioReason(e)}`,
      `${existed || saved.length ? `${target} is intact` : `${target} was not created`}: ${saved.length ? `it holds the ${saved.length} answer${saved.length === 1 ? '' : 's'} saved in this session (${list})` : 'no answer of this session was saved'}; the last answer (${path}) was not saved`,
      busy ? `if no other interview is running, delete ${e.lockPath}; then run \`${resumeCommand()}\` to resume` : `once that is fixed, run \`${resumeCommand()}\` to resume where you stopped`,
    ]);
  };
  // One save of an edit that is not an interview question's (a respondent's whole entry).
  const runSave = async (o: OrgText, edit: AnswerEdit) => {
    edit.apply(o);
    await save(o.text, edit);
  };
  const checkCsv = async (p: string) => {
    const { loadRoster } = await import('../../load/roster');
    const r = await loadRoster(resolve(dirname(resolve(target)), p), join(dirname(target), p), new PositionMap(), [], 0);
    return r.ok ? undefined : formatDiagnostic(r.diagnostics[0]!);
  };

  if (who && scripted) {
    // One respondent's answers file: kept as theirs under responses:, in one atomic save.
    if (!existed) throw new CliError([`${file} does not exist: several respondents' answers go into an existing org file (\`sales-audit interview ${file}\` or \`sales-audit init ${file}\` first)`]);
    const loaded = await loadOrgText(text.replace(/^\uFEFF/, ''), target, { baseDir: dirname(resolve(target)) });
    const person = personOf(who, loaded.ok ? loaded.value.org.people : undefined);
    if (nameless(who) && who.resume !== undefined && entryIndex(org.state().data.responses, who) === undefined) throw unknownResumeCode(target, who);
    let entry;
    try {
      entry = responseFromAnswers(answers!.entries, who, opts.date ?? today(), opts.answers!, person, loaded.ok ? loaded.value.org : undefined, target);
    } catch (e) {
      if (e instanceof AnswersError) throw inputError([e.diagnostic]);
      throw e;
    }
    const count = Object.keys(entry.answers).length;
    if (!count) {
      say(`${opts.answers} holds no answers: nothing was recorded in ${target}.`);
      return;
    }
    let replaced = false;
    await runSave(org, { path: 'responses', apply: (o) => (replaced = putResponse(o, entry, who)) });
    const whom = who.anonymous || !who.name ? `an anonymous respondent of the group ${who.group}` : `${who.name} (${who.group})`;
    say(`${replaced ? 'Replaced' : 'Recorded'} ${count} answer${count === 1 ? '' : 's'} from ${whom} in ${target}${replaced ? " (their earlier answers; nobody else's)" : ''}.`);
    if (who.name && !who.anonymous && person === undefined && [...answers!.entries.keys()].some((k) => k.startsWith(SELF_PREFIX)))
      say(
        who.group === 'reps'
          ? `${who.name} is not a name in the roster of ${target}: their answers about themselves (self.) count as the reps' in general, not as one person's.`
          : // A manager's answers about themselves say nothing about the reps (issue 14, item 15): kept, and used for no one until the roster lists them.
            `${who.name} is not a name in the roster of ${target}: their answers about themselves (self.) are kept but used for no one (add them to people: to count them as theirs).`,
      );
    if (person !== undefined && [...answers!.entries.keys()].some((k) => k.startsWith(SELF_PREFIX)))
      say(`${who.name}'s answers about themselves (self.) are recorded as ${loaded.ok ? (loaded.value.org.people?.[person]?.name ?? '') : ''}'s, person ${person + 1} of the roster.`);
    // Run by the consultant: the gaps found so far.
    const { report } = await auditFile(target, { date: opts.date });
    const { renderPerception } = await import('../../report/perception');
    const { guardLineStarts, sanitize } = await import('../../report/safe');
    const lines = renderPerception(sanitize(report));
    if (lines.length) writeStdout(guardLineStarts(`${lines.join('\n')}\n`));
    return;
  }

  if (who && terminal) {
    await respondentInterview({ who, terminal, org, text, target, existed, section: opts.section, date: opts.date ?? today(), runSave, checkCsv, say, rules: all });
    return;
  }

  let result: SessionResult;
  try {
    result = await runSession({
      org,
      rules: all,
      prompter,
      all: opts.all,
      section: opts.section,
      only,
      notes: opts.notes ?? opts.respondent !== undefined,
      respondent: opts.respondent,
      date: opts.date ?? today(),
      save,
      checkCsv,
    });
  } catch (e) {
    if (isExitPrompt(e)) {
      writeStdout('\n');
      const any = existsSync(target) && saves > 0;
      throw new CliError(
        [any ? `interrupted; every answer given so far is saved in ${target}` : 'interrupted; nothing was saved', `run \`${resumeCommand()}\` to ${any ? 'resume where you stopped' : 'start again'}`],
        EXIT.interrupted,
      );
    }
    if (e instanceof AnswersError) throw inputError([e.diagnostic]);
    throw e;
  }

  if (result.asked) {
    const parts = [`${result.answered} answered`, `${result.unknown} don't know`, `${result.skipped} skipped for now`];
    // The invalid facts fixed before the session count as a change too.
    say(`${scripted ? '' : '\n'}${saves || text !== original ? `Saved in ${target}` : 'Nothing changed'}: ${parts.join(', ')}.`);
    if (result.skipped) say(`Run \`sales-audit interview ${target}\` again to answer the ${result.skipped} skipped.`);
  }
  for (const { entry: e, difference } of answers?.kept ?? []) {
    writeStderrLine(`${opts.answers}:${e.line}:${e.column}: ${e.key}: kept as given, though it differs: ${difference}`);
  }
  for (const e of answers?.unused() ?? []) {
    writeStderrLine(`${opts.answers}:${e.line}:${e.column}: ${e.key}: not asked: the file already answers it, no rule needs it, or it does not apply (--all replaces answers)`);
  }
  if (!existsSync(target)) {
    say(`Nothing was answered, so ${target} was not created.`);
    return;
  }

  // The same report as `sales-audit audit <file>`.
  const { report } = await auditFile(target, { date: opts.date });
  const width = process.stdout.isTTY ? process.stdout.columns : undefined;
  if (!scripted) writeStdout('\n');
  writeStdout(await render('text', report, { color, width }));

  if (terminal) {
    try {
      const stem = join(dirname(target), basename(target, extname(target)));
      // The client deliverable first, offered by default; Markdown (for a wiki or a PR) after it.
      for (const format of ['html', 'markdown'] as const) {
        if (!(AUDIT_FORMATS as readonly string[]).includes(format)) continue;
        const out = `${stem}.report.${format === 'markdown' ? 'md' : 'html'}`;
        const label = format === 'markdown' ? 'Markdown' : 'HTML';
        const ok = await terminal.confirm(`save-${format}`, `Save this report as ${label} (${out}${existsSync(out) ? ', replacing it' : ''})?`, format === 'html');
        if (!ok) continue;
        if (sameFile(out, target)) {
          say(`Not written: ${out} is ${target} itself.`);
          continue;
        }
        try {
          await writeFileAtomic(out, await render(format as Format, report, { color: false }));
        } catch (e) {
          throw new CliError([`cannot write ${out}: ${ioReason(e)}; every answer is saved in ${target} (\`sales-audit audit ${target} --format ${format} -o <file>\` writes the report elsewhere)`]);
        }
        say(`Wrote ${out}.`);
      }
    } catch (e) {
      if (!isExitPrompt(e)) throw e;
      writeStdout('\n');
      throw new CliError([`interrupted; every answer is saved in ${target}, the report was not saved (\`sales-audit audit ${target}\` prints it again)`], EXIT.interrupted);
    }
  }
}

/**
 * One respondent's interview at the terminal (several respondents): only the
 * facts their group can answer, with no answer shown as a default (nobody
 * else's, and not the org file's: no anchoring); each answer is saved at once
 * into their own entry under `responses:`. The questions run against a copy
 * of the org in memory, so conditional questions open as in any interview.
 * At the end, the consultant may see the gaps found so far (never shown
 * without asking: the respondent may still be at the keyboard).
 */
async function respondentInterview(o: {
  who: Respondent;
  terminal: InquirerPrompter;
  org: OrgText;
  text: string;
  target: string;
  existed: boolean;
  section?: Section;
  date: string;
  runSave: (org: OrgText, edit: AnswerEdit) => Promise<void>;
  checkCsv: (p: string) => Promise<string | undefined>;
  say: (text: string) => void;
  rules: readonly RuleDefinition[];
}): Promise<void> {
  const { who, terminal, target, rules } = o;
  if (!o.existed)
    throw new CliError([`${target} does not exist: several respondents' answers go into an existing org file (\`sales-audit interview ${target}\` or \`sales-audit init ${target}\` first)`]);
  const loaded = await loadOrgText(o.text.replace(/^\uFEFF/, ''), target, { baseDir: dirname(resolve(target)) });
  const person = personOf(who, loaded.ok ? loaded.value.org.people : undefined);
  const wanted = respondentFacts([...new Set(rules.flatMap((r) => r.reads))], who, person, customFactGroups(rules));
  if (who.group === 'reps' && person === undefined)
    terminal.tell(
      printable(
        `Questions about one rep's own work are not asked here: ${who.name ? `${who.name} is not a name in the roster of ${target}` : 'an anonymous rep has no place in the roster'}; give them with an answers file (self.<fact>) instead.`,
      ),
    );
  // A respondent resumes: the facts their entry already answers are not asked again. A named one is found by
  // name; one without a name by the code of their entry (--resume), else gets a new code for a new entry.
  const raw = o.org.state().data.responses;
  const resuming = nameless(who) && who.resume !== undefined;
  if (resuming && entryIndex(raw, who) === undefined) throw unknownResumeCode(target, who);
  if (nameless(who) && !resuming) who.resume = newResumeCode(raw, () => randomBytes(4));
  let index = entryIndex(raw, who);
  // Their keys name people by name (`people[name=AE 4].x`): as the roster's paths, to match the questions.
  const roster = loaded.ok ? loaded.value.org.people : undefined;
  const theirs = new Set<string>(index === undefined ? [] : Object.keys((raw as { answers?: Record<string, unknown> }[])[index]?.answers ?? {}).map((k) => keyToPath(k, roster) ?? k));
  let answered = 0;
  // Never a default: hide what the file or anyone else says; ask only the wanted facts not yet answered by this respondent.
  const blind: Prompter = {
    ask: async (q, p) => {
      // A respondent answers facts, not the shape of the lists (a stage's name, a person's name): those are the consultant's.
      const shape = /\[\d+\]/.test(q.path) && (!q.path.startsWith('people[') || /\.name$/.test(q.path));
      if (shape || !isWanted(q.path, wanted) || theirs.has(q.path)) return { kind: 'skip' };
      const { current: _c, currentUnknown: _u, ...asked } = q;
      // A rep is asked about themselves: "your week", "do you have" (the model words a person's facts for someone answering about another).
      const bare =
        who.group === 'reps' && q.path.startsWith('people[')
          ? {
              ...asked,
              message: toYou(asked.message),
              ...(asked.help ? { help: toYou(asked.help) } : {}),
              ...(asked.choices ? { choices: asked.choices.map((c) => ({ ...c, label: toYou(c.label) })) } : {}),
            }
          : asked;
      const a = await terminal.ask(bare, p);
      // Saved here, from the answer itself: an answer that matches the file changes nothing in the copy, and is still theirs.
      if (a.kind !== 'skip') {
        const value = a.kind === 'unknown' ? 'unknown' : a.value;
        await o.runSave(o.org, { path: q.path, apply: (org) => (index = addAnswer(org, who, o.date, q.path, value, index)) });
        theirs.add(q.path);
        answered++;
      }
      return a;
    },
    askItems: async () => ({ kind: 'skip' }),
    askNote: async () => undefined,
    confirm: (id, m, i) => terminal.confirm(id, m, i),
  };
  const scratch = new OrgText(o.text);
  try {
    await runSession({
      org: scratch,
      rules,
      prompter: blind,
      all: true,
      only: wanted,
      section: o.section,
      date: o.date,
      checkCsv: o.checkCsv,
      // The copy in memory only opens the questions that follow; the answers are saved as they are given (above).
      save: async () => {},
    });
    o.say(
      `\n${answered ? `Saved ${answered} answer${answered === 1 ? '' : 's'} from ${who.anonymous || !who.name ? `an anonymous respondent of the group ${who.group}` : `${who.name} (${who.group})`} in ${target}` : 'Nothing was answered'}. Thank you.`,
    );
    if (!(await terminal.confirm('show-gaps', 'For the consultant: show where people disagree so far (other respondents\u2019 answers, by group)?', false))) return;
  } catch (e) {
    if (isExitPrompt(e)) {
      writeStdout('\n');
      // Without a name, the entry's code finds it again (once it exists: this session saved an answer, or resumed one).
      const code = nameless(who) && (answered || resuming) ? ` --resume ${who.resume}` : '';
      const again = `sales-audit interview ${target} ${who.name && !who.anonymous ? `--respondent ${JSON.stringify(who.name)} ` : ''}--group ${who.group}${who.anonymous ? ' --anonymous' : ''}${code}`;
      throw new CliError(
        [
          answered ? `interrupted; every answer given so far is saved in ${target}` : 'interrupted; nothing was saved',
          code
            ? `run \`${again}\` to go on where you stopped (the code finds these answers again, not a name; keep it)`
            : `run \`${again}\` to ${answered || index !== undefined ? 'go on where you stopped' : 'start again'}`,
        ],
        EXIT.interrupted,
      );
    }
    throw e;
  }
  const { report } = await auditFile(target, { date: o.date });
  const { renderPerception } = await import('../../report/perception');
  const { guardLineStarts, sanitize } = await import('../../report/safe');
  const lines = renderPerception(sanitize(report));
  writeStdout(guardLineStarts(`${lines.length ? lines.join('\n') : 'No other respondent yet: nothing to compare.'}\n`));
}

/**
 * Who answers, when the answers are one respondent's among several: from
 * --respondent/--group/--anonymous and the answers file's `respondent:` key
 * (they must not contradict). Undefined for the consultant's own interview.
 */
function respondentOf(opts: InterviewOpts, header: RespondentHeader | undefined, answers: AnswersPrompter | undefined): Respondent | undefined {
  const file = opts.answers;
  const at = header ? `${file}:${header.line}:${header.column}: ` : '';
  if (opts.group && header?.group && opts.group !== header.group) throw new CliError([`${at}respondent: group is ${header.group}, but --group says ${opts.group}: give one`]);
  if (opts.respondent && header?.name && opts.respondent !== header.name) throw new CliError([`${at}respondent: name is "${header.name}", but --respondent says "${opts.respondent}": give one`]);
  const group = opts.group ?? header?.group;
  const anonymous = opts.anonymous === true || header?.anonymous === true;
  const name = opts.respondent ?? header?.name;
  const self = [...(answers?.entries.values() ?? [])].find((e) => e.key.startsWith(SELF_PREFIX));
  if (!group) {
    if (opts.resume !== undefined) throw new CliError([`--resume goes on with a respondent's answers: give their --group <${RESPONDENT_GROUPS.join('|')}> (and --anonymous if they are)`]);
    if (header || anonymous)
      throw new CliError([`${header ? at : ''}say which group the respondent belongs to: --group <${RESPONDENT_GROUPS.join('|')}>${header ? ' or respondent: {group: ...}' : ''}`]);
    if (self) throw new CliError([`${file}:${self.line}:${self.column}: ${self.key}: self. answers are a respondent's about themselves: give --respondent and --group reps (or a respondent: key)`]);
    return undefined;
  }
  if (anonymous && name) throw new CliError([`${header?.anonymous ? at : ''}an anonymous respondent has no name: drop --respondent (or respondent: name), or --anonymous`]);
  // A named respondent is found again by name; the code is for one without a name.
  if (opts.resume !== undefined && name) throw new CliError([`--resume is for a respondent without a name: ${name} goes on with --respondent ${JSON.stringify(name)} alone; drop --resume`]);
  return { ...(name ? { name } : {}), group, ...(anonymous ? { anonymous: true } : {}), ...(opts.resume !== undefined ? { resume: opts.resume.trim() } : {}) };
}

/** A --resume code that names no entry of the respondent's group (exit 2): what to do instead. */
function unknownResumeCode(target: string, who: Respondent): CliError {
  return new CliError([
    `${target}: no answers of ${who.anonymous ? 'an anonymous respondent' : 'a respondent without a name'} of the group ${who.group} have the resume code ${JSON.stringify(who.resume)}: give the code the stopped interview printed, or leave out --resume to start a new entry`,
  ]);
}

/** The refusal of an org file that does not load: its one-line errors, then what to do (exit 2). */
function refuseInvalid(diagnostics: readonly Diagnostic[], file: string): CliError {
  return new CliError([...diagnostics.map(formatDiagnostic), `sales-audit: fix ${file} first (\`sales-audit lint ${file}\`), then run the interview again`], EXIT.usage, true);
}

/**
 * Asks the invalid facts of the org file again, each shown with its place and
 * what was expected (in a terminal, once the user agrees), writes the answers
 * into the file atomically (the original kept as <file>.bak; comments and
 * layout kept), and returns the new text. Exits 2 as before when the user
 * declines or a fact is left invalid.
 */
async function repairInvalid(
  invalid: { diagnostics: Diagnostic[]; facts: InvalidFact[] },
  o: { org: OrgText; prompter: Prompter; terminal: InquirerPrompter | undefined; file: string; real: string; text: string; say: (line: string) => void; rules: readonly RuleDefinition[] },
): Promise<string> {
  const { org, terminal, file } = o;
  const n = invalid.facts.length;
  const facts = `${n} fact${n === 1 ? '' : 's'}`;
  let result: RepairResult;
  try {
    if (terminal) {
      terminal.tell(printable(`${file} does not load: ${facts} ${n === 1 ? 'has a value' : 'have values'} the schema does not allow.`));
      for (const f of invalid.facts) terminal.tell(printable(`  ${formatDiagnostic(f.diagnostic)}`));
      if (!(await terminal.confirm('repair', `Ask ${n === 1 ? 'it' : 'them'} again now, keeping everything else in ${file}?`, true))) throw refuseInvalid(invalid.diagnostics, file);
    }
    result = await repairFacts(org, invalid.facts, o.prompter, (f) => terminal?.tell(printable(`\n${formatDiagnostic(f.diagnostic)}`)));
  } catch (e) {
    if (isExitPrompt(e)) throw new CliError([`interrupted; ${file} was not changed`], EXIT.interrupted);
    if (e instanceof AnswersError) throw inputError([e.diagnostic]);
    throw e;
  }
  let text = o.text;
  if (org.text !== text) {
    try {
      await withLock(o.real, async () => {
        if (readFileSync(o.real, 'utf8') !== text)
          throw new CliError([`${file} was changed by another program while its invalid facts were asked; nothing was written`, `run \`sales-audit interview ${file}\` again`]);
        const bak = `${file}.bak`;
        if (!existsSync(bak)) {
          await writeFileAtomic(bak, readFileSync(o.real), { like: statSync(o.real) });
          o.say(backupNote(file, bak));
        }
        await writeFileAtomic(file, org.text);
      });
    } catch (e) {
      if (e instanceof CliError) throw e;
      throw new CliError([`cannot save ${file}: ${ioReason(e)}; it was not changed`]);
    }
    text = org.text;
  }
  const check = await loadOrgText(text.replace(/^\uFEFF/, ''), file, { baseDir: dirname(resolve(file)) });
  const left = check.ok ? await customProblems(check.value, o.rules) : check.diagnostics;
  if (left.length) {
    const saved = result.fixed.length ? `the ${result.fixed.length} answer${result.fixed.length === 1 ? '' : 's'} given ${result.fixed.length === 1 ? 'is' : 'are'} saved in ${file}; ` : '';
    throw new CliError([...left.map(formatDiagnostic), `sales-audit: ${saved}fix ${file} (\`sales-audit lint ${file}\`), then run the interview again`], EXIT.usage, true);
  }
  o.say(`Fixed ${facts} in ${file}; the rest of the file is as it was.`);
  return text;
}

/**
 * The rules an interview of `file` asks for: the built-in ones, then the rules
 * of the plugins named by the config that applies to it (as `audit` finds it);
 * their custom facts join the schema the interview plans, checks and writes.
 * @throws {CliError} (exit 2, one line per problem) when that config or a plugin cannot be used.
 */
async function interviewRules(file: string): Promise<readonly RuleDefinition[]> {
  const cfg = await new ConfigResolver(rules).forOrg(file);
  if (cfg && !cfg.ok) throw inputError(cfg.diagnostics);
  const all = rulesWith(rules, cfg);
  if (all.length > rules.length) {
    const [{ customFactsOf }, { useCustomFacts }] = await Promise.all([import('../../interview/custom-facts'), import('../../model/introspect')]);
    useCustomFacts(customFactsOf(all));
  }
  return all;
}

/** The org's custom facts (`custom.<rule id>`) checked against the plugin rules' schemas, as `audit` checks them: one diagnostic per problem. */
async function customProblems(loaded: LoadedOrg, all: readonly RuleDefinition[]): Promise<Diagnostic[]> {
  if (loaded.org.custom === undefined) return [];
  const { customFactDiagnostics } = await import('../../config/plugins');
  return customFactDiagnostics(loaded, all.slice(rules.length));
}

/** Whether two paths name one file (after following links); false when either does not exist. */
function sameFile(a: string, b: string): boolean {
  const x = statSync(a, { throwIfNoEntry: false });
  const y = statSync(b, { throwIfNoEntry: false });
  return !!x && !!y && x.dev === y.dev && x.ino === y.ino;
}

/**
 * Removes the temp files (`.<name>.<pid>.<hex>.tmp`) that a save killed
 * between writing and renaming left beside the org file or its backup, when
 * their process is gone.
 */
function removeStrayTemps(real: string): void {
  const dir = dirname(real);
  const name = basename(real);
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return;
  }
  for (const f of entries) {
    const m = /^\.(.+)\.(\d+)\.[0-9a-f]{8}\.tmp$/.exec(f);
    if (!m || (m[1] !== name && m[1] !== `${name}.bak`)) continue;
    const pid = Number(m[2]);
    let alive = pid === process.pid;
    try {
      if (!alive) process.kill(pid, 0);
      alive = true;
    } catch (e) {
      alive = (e as NodeJS.ErrnoException).code === 'EPERM';
    }
    if (alive) continue;
    try {
      unlinkSync(join(dir, f));
    } catch {
      // Gone already, or not ours to remove.
    }
  }
}

/** The flags that repeat this session, and `--resume <code>` when a respondent without a name has an entry to go on with. */
function resumeFlags(opts: InterviewOpts, resume?: string): string[] {
  const out: string[] = [];
  if (opts.section) out.push('--section', opts.section);
  if (opts.quick !== undefined) out.push('--quick', String(opts.quick));
  if (opts.respondent) out.push('--respondent', JSON.stringify(opts.respondent));
  if (opts.group) out.push('--group', opts.group);
  if (opts.anonymous) out.push('--anonymous');
  if (resume !== undefined) out.push('--resume', resume);
  if (opts.notes === true && !opts.respondent) out.push('--notes');
  return out;
}
