// A diagnostic is a problem with the user's input: one line, with a place.
// The loader returns them instead of throwing, so the CLI can print them all
// and exit 2 without a stack trace.

export interface Location {
  file: string;
  line: number;
  column: number;
}

export interface Diagnostic {
  file: string;
  line?: number;
  column?: number;
  /** The fact path the problem is about, when there is one (people[2].title). */
  path?: string;
  message: string;
}

/** `org.yaml:12:5: people[2].title: expected text` */
export function formatDiagnostic(d: Diagnostic): string {
  const where = d.line !== undefined ? `${d.file}:${d.line}:${d.column ?? 1}` : d.file;
  return `${where}: ${d.path ? `${d.path}: ` : ''}${d.message}`;
}

/** Thrown only inside the loader/CLI boundary; carries diagnostics, never a stack. */
export class InputError extends Error {
  constructor(readonly diagnostics: Diagnostic[]) {
    super(diagnostics.map(formatDiagnostic).join('\n'));
    this.name = 'InputError';
  }
}

/** Levenshtein distance, for "did you mean" suggestions. */
export function distance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length]!;
}

/** The closest candidate within a sensible edit distance, if any. */
export function suggest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  const w = word.toLowerCase();
  // A unique prefix ("foundr" for "founder-led") is as good as a typo.
  const prefixed = w.length >= 3 ? candidates.filter((c) => c.toLowerCase().startsWith(w.slice(0, -1))) : [];
  if (prefixed.length === 1) return prefixed[0];
  // An abbreviation of a snake_case name by its initials: `icp` for ideal_customer_profile.
  const initials = candidates.filter(
    (c) =>
      c.includes('_') &&
      c
        .split('_')
        .map((p) => p[0])
        .join('')
        .toLowerCase() === w,
  );
  if (initials.length === 1) return initials[0];
  for (const c of candidates) {
    const d = distance(w, c.toLowerCase());
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  return best !== undefined && bestD <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}
