// The commander program: declarations only. Each command lives in its own
// file; main() is the one place that turns errors into exit codes.
import { Command, CommanderError } from 'commander';
import { registerAudit } from './commands/audit';
import { registerDiff } from './commands/diff';
import { registerExplain } from './commands/explain';
import { registerHistory } from './commands/history';
import { registerInit } from './commands/init';
import { registerInterview } from './commands/interview';
import { registerLint } from './commands/lint';
import { registerQuestionnaire } from './commands/questionnaire';
import { registerRules } from './commands/rules';
import { registerSchema } from './commands/schema';
import { CliError, EXIT } from './errors';
import { ioReason, printable } from './output';
import { writeStderrLine, writeStdout } from './stdio';
import { VERSION } from './version';
import { safeLine } from '../report/safe';

// commander's usage errors as one line: "error: unknown command 'audti'\n(Did you mean audit?)"
// becomes "unknown command 'audti'; did you mean audit?".
const oneLine = (str: string) =>
  str
    .trim()
    .replace(/^error: /, '')
    .replace(/\s*\n\s*\(Did you mean (.*)\)$/, '; did you mean $1')
    .replace(/\s*\n\s*/g, ' ');

const COMMANDS: Record<string, (program: Command) => void> = {
  audit: registerAudit,
  interview: registerInterview,
  lint: registerLint,
  diff: registerDiff,
  history: registerHistory,
  rules: registerRules,
  explain: registerExplain,
  schema: registerSchema,
  init: registerInit,
  questionnaire: registerQuestionnaire,
};

/**
 * The program. Given the command line, it declares only the command being run
 * (when the first argument names one): the others would only be built to be
 * thrown away, on every start. Help, unknown commands and the rest get them all.
 */
export function buildProgram(argv: readonly string[] = []): Command {
  const program = new Command('sales-audit')
    .description('Audit a B2B sales organisation described in a YAML org file: a scored report with evidence and a remediation checklist.')
    .version(VERSION, '-V, --version')
    // Usage errors read like every other error: one line, prefixed, with the way out.
    .configureOutput({
      writeOut: writeStdout,
      outputError: (str, write) => write(`${safeLine(`sales-audit: ${oneLine(str)} (see --help)`)}\n`),
    })
    .configureHelp({ sortSubcommands: false, showGlobalOptions: false })
    .addHelpText(
      'after',
      `
Examples:
  $ sales-audit audit --example mid-size-gaps       audit a bundled example org
  $ sales-audit init acme.yaml                       start an org file from a template
  $ sales-audit audit acme.yaml --format markdown -o audit.md
  $ sales-audit explain selling-time                 what a rule checks and why
  $ sales-audit lint "orgs/*.yaml" --format sarif -o audit.sarif   lint in CI, exit 1 on a gate
  $ sales-audit diff main:orgs/acme.yaml orgs/acme.yaml   what a change did to the verdict
  $ sales-audit history orgs/acme.yaml               the score over the file's git history
  $ sales-audit questionnaire --for reps -o reps.html   an offline form for the reps

Exit codes: 0 ok · 1 a gate failed · 2 could not run (usage, unreadable or invalid input) · 130 interrupted`,
    );
  program.exitOverride();
  const only = argv[2] !== undefined && Object.hasOwn(COMMANDS, argv[2]) ? COMMANDS[argv[2]] : undefined;
  for (const register of only ? [only] : Object.values(COMMANDS)) register(program);
  return program;
}

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram(argv);
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT.ok;
  } catch (e) {
    if (e instanceof CommanderError) {
      // No command at all is a usage error (help went to stderr), like an unknown command.
      if (e.code === 'commander.help' && argv.length <= 2) return EXIT.usage;
      // Help and version are not errors; commander has already printed its message.
      return e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help' ? EXIT.ok : EXIT.usage;
    }
    if (e instanceof CliError) {
      for (const line of e.lines) writeStderrLine(`${e.bare ? '' : 'sales-audit: '}${line}`);
      return e.exitCode;
    }
    // A file or device that failed (a full disk, a folder made read-only mid-run): the cause, not a bug report.
    const sys = e as NodeJS.ErrnoException;
    if (sys && typeof sys.code === 'string' && typeof sys.syscall === 'string') {
      process.stderr.write(`sales-audit: ${sys.path ? `cannot ${sys.syscall} ${printable(sys.path)}` : `${sys.syscall} failed`}: ${ioReason(sys)}\n`);
      return EXIT.usage;
    }
    // A bug, not bad input: still one line, with a way to see more.
    const err = e as Error;
    writeStderrLine(`sales-audit: internal error: ${err?.message ?? String(e)}`);
    if (process.env.SALES_AUDIT_DEBUG) process.stderr.write(`${err?.stack ?? ''}\n`);
    else process.stderr.write('sales-audit: set SALES_AUDIT_DEBUG=1 to see the stack trace, and please report it.\n');
    return EXIT.usage;
  }
}
