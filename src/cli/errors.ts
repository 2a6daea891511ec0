// The CLI's only way to stop with an error: a message (one line per problem)
// and an exit code. main.ts prints it; nothing else calls process.exit.
import { formatDiagnostic, type Diagnostic } from '../load/diagnostics';

export const EXIT = { ok: 0, gate: 1, usage: 2, interrupted: 130 } as const;

export class CliError extends Error {
  constructor(
    readonly lines: string[],
    readonly exitCode: number = EXIT.usage,
    /** Lines that start with `file:line:col` are printed bare so editors and CI can parse them. */
    readonly bare = false,
  ) {
    super(lines.join('\n'));
  }
}

export const inputError = (diagnostics: Diagnostic[]) => new CliError(diagnostics.map(formatDiagnostic), EXIT.usage, true);
