// The one sanitiser for everything sales-audit prints. Org values, keys,
// roster cells and file names are written by someone else (a pull request, a
// client's spreadsheet) and end up on a terminal, in a CI log, or in a file a
// CI step prints. Three things could be smuggled through them:
// - terminal control sequences (ESC, CSI, OSC titles, BEL, C1 codes): they
//   clear the screen, retitle the window or hide text;
// - bidirectional overrides (U+202A..U+202E, U+2066..U+2069): they reorder
//   what is shown, so a reader sees something other than what is there;
// - CI workflow commands: GitHub Actions runs `::command::` at the start of a
//   line (after blanks), and Azure Pipelines (`##vso[`) and the GitHub runner's
//   older syntax (`##[`) anywhere in a line.
// Every renderer's input goes through `sanitize` (one pass over the report, so
// no field can be forgotten), every rendered output through `guardLineStarts`,
// and every stderr line through `safeLine`. JSON outputs keep the data exact
// and escape instead (`escapeJsonControls`).

/** C0 and C1 controls, DEL, and the bidi controls and marks. */
const CONTROLS = /[\u0000-\u0008\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
/** Everything that breaks a line on some terminal or runner. */
const BREAKS = /\r\n|[\n\r\t\u000b\u000c\u0085\u2028\u2029]/g;
/** The same but CR and LF, for formats that escape those themselves. */
const OTHER_BREAKS = /[\t\u000b\u000c\u0085\u2028\u2029]/g;
/** Runner commands recognised anywhere in a line. */
const INLINE_COMMAND = /##(?=(?:vso)?\[)/gi;
/** Any character safeText may change (a superset of the three above), without the g flag: a plain test. */
const NEEDS_CARE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]|##/;

/**
 * One line of plain text, safe for a terminal and a CI log: line breaks and
 * tabs become spaces, control and bidi characters are dropped, and `##[` /
 * `##vso[` get a space between the hashes so no runner reads a command.
 * Everything else (accents, CJK, emoji, right-to-left letters) is kept.
 */
export function safeText(s: string, opts: SafeOptions = {}): string {
  // Most strings hold nothing to change: one test instead of three copies.
  if (!NEEDS_CARE.test(s)) return s;
  return s
    .replace(opts.keepLineBreaks ? OTHER_BREAKS : BREAKS, ' ')
    .replace(CONTROLS, '')
    .replace(INLINE_COMMAND, '# #');
}

export interface SafeOptions {
  /**
   * Keep CR and LF: for a format that escapes them itself (GitHub's `%0A`,
   * XML's `&#13;`), so a multi-line value stays multi-line. A line a kept LF
   * starts is still checked by `guardLineStarts`.
   */
  keepLineBreaks?: boolean;
}

/**
 * Returns a copy of a value (a report, a lint run, a diagnostic) with every
 * string in it, object keys included, passed through `safeText`. Numbers,
 * booleans and null are kept as they are; the input is not changed.
 */
export function sanitize<T>(value: T, opts: SafeOptions = {}): T {
  if (typeof value === 'string') return safeText(value, opts) as T;
  if (Array.isArray(value)) return value.map((v) => sanitize(v, opts)) as T;
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  // Own keys in their order, as for...in with hasOwn gives them, without walking the prototype chain.
  const keys = Object.keys(value);
  for (let i = 0; i < keys.length; i++) out[safeText(keys[i]!)] = sanitize((value as Record<string, unknown>)[keys[i]!], opts);
  return out as T;
}

/** A line that a runner would take for a command: `::x::` after blanks (and colour codes, when colour is on). */
const COMMAND_START = /^((?:[ \t]|\u001b\[[0-9;]*m)*)(?=::)/gm;

/**
 * Makes sure no line of a rendered output starts with `::` (a GitHub Actions
 * workflow command): such a line gets a backslash before it. Our own formats
 * never start a line that way, so only text from the input is touched (a
 * wrapped word, a file name). Not for `--format github`, whose commands are
 * the point and whose values are escaped by that renderer.
 */
export function guardLineStarts(text: string): string {
  return text.replace(COMMAND_START, '$1\\');
}

/** One line for stderr: `safeText`, then the line-start guard. */
export const safeLine = (s: string): string => guardLineStarts(safeText(s));

/**
 * JSON text (from JSON.stringify) with the controls JSON allows raw (DEL, C1,
 * bidi, U+2028/9) written as `\uXXXX` escapes, and the second `#` of `##[` /
 * `##vso[` as `\u0023`: the same data for a program, nothing live for a
 * terminal or a CI log that shows the file. (JSON.stringify already escapes
 * C0 controls and line breaks, so a value never starts a line.)
 */
export function escapeJsonControls(json: string): string {
  return json.replace(/[\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).replace(INLINE_COMMAND, '#\\u0023');
}
