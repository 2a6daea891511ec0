// JUnit XML, for CI systems that show test results: one test suite per org
// file, one test case per rule (failing and partial rules fail, with their
// findings and evidence; rules not assessed, off or waived are skipped; a rule
// that could not run is an error), one per expired waiver, and one per gate in
// force. A file that could not be read is a suite with one error.
import type { AuditDiff } from '../engine/diff';
import type { GateFailure } from '../engine/gates';
import { thousands } from '../engine/summarise';
import type { RuleResult } from '../engine/types';
import { CONTRADICTION, EXPIRED_WAIVER, memorySpool, problemsOf, type LintedFile, type LintFile, type LintRun, type LintSpool, type LintStreamer, type Problem } from './lint';

/** Text without the characters XML 1.0 forbids (control characters, lone surrogates). */
const clean = (s: string) => s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '');
// CR is escaped so it survives the parser's line-end normalisation.
export const xmlText = (s: string) => clean(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
export const xmlAttr = (s: string) => xmlText(s).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');

type Outcome = { kind: 'pass' } | { kind: 'failure' | 'error' | 'skipped'; type?: string; message: string; body?: string };

interface Case {
  name: string;
  classname: string;
  file: string;
  line?: number;
  outcome: Outcome;
}

const pct = (s: number | null) => (s === null ? '' : ` (score ${Math.round(s * 100)}%)`);

function problemText(p: Problem): string {
  const lines = [`${p.file}:${p.line}:${p.column}  ${p.label}  ${p.message}`];
  for (const e of p.finding?.evidence ?? []) lines.push(`  evidence: ${e.file && e.line ? `${e.file}:${e.line}:${e.column ?? 1}` : '(not in file)'}  ${e.path}`);
  for (const t of p.finding?.thresholds ?? []) lines.push(`  threshold: ${t.name} = ${String(t.value)}${t.source ? ` (${t.source})` : ''}`);
  return lines.join('\n');
}

function ruleCase(f: LintedFile, rule: RuleResult, problems: Problem[]): Case {
  const mine = problems.filter((p) => p.ruleId === rule.id && p.kind === 'finding');
  // The case points where its first finding is: a CSV roster's line is in the CSV.
  const base = { name: `${rule.id}: ${rule.title}`, classname: f.file, file: mine[0]?.file ?? f.file, line: mine[0]?.line };
  const s = rule.status;
  if (s === 'pass') return { ...base, outcome: { kind: 'pass' } };
  if (s === 'fail' || s === 'partial') {
    const n = mine.length;
    return {
      ...base,
      outcome: {
        kind: 'failure',
        type: s,
        message: `${s}${pct(rule.score)}: ${thousands(n)} finding${n === 1 ? '' : 's'}${n ? `; first: ${mine[0]!.message}` : ''}`,
        body: mine.map(problemText).join('\n'),
      },
    };
  }
  if (s === 'error') return { ...base, outcome: { kind: 'error', type: 'rule-error', message: `the rule could not run: ${rule.error ?? 'unknown error'}` } };
  if (s === 'not-assessed') {
    const message = `not assessed: the org file lacks ${rule.missing.join(', ') || 'the facts it needs'}`;
    if (f.gates.strict) {
      const p = problems.find((x) => x.kind === 'not-assessed' && x.ruleId === rule.id);
      return { ...base, file: p?.file ?? f.file, line: p?.line, outcome: { kind: 'failure', type: 'not-assessed', message: `${message} (--strict)`, body: p ? problemText(p) : undefined } };
    }
    return { ...base, outcome: { kind: 'skipped', message } };
  }
  // Passes on what is known, but too little is known to call it a pass: neither passed nor failed.
  if (s === 'incomplete')
    return {
      ...base,
      outcome: { kind: 'skipped', message: `incomplete${pct(rule.score)}: passes on what is known (${rule.coverage}% known); the org file lacks ${rule.missing.join(', ') || 'some facts it needs'}` },
    };
  if (s === 'off') return { ...base, outcome: { kind: 'skipped', message: 'turned off in the config' } };
  const w = rule.waiver;
  return { ...base, outcome: { kind: 'skipped', message: w ? `waived until ${w.expires} by ${w.owner}: ${w.reason}` : 'waived' } };
}

function gateCases(f: LintedFile): Case[] {
  const g = f.gates;
  const failed = (gate: GateFailure['gate']) => f.failures.find((x) => x.gate === gate);
  const out: Case[] = [];
  const add = (gate: GateFailure['gate'], name: string) => {
    const hit = failed(gate);
    out.push({ name: `gate: ${name}`, classname: f.file, file: f.file, outcome: hit ? { kind: 'failure', type: 'gate', message: hit.message } : { kind: 'pass' } });
  };
  if (g.failUnder !== undefined) add('fail-under', `score at least ${g.failUnder}`);
  if (g.minCoverage !== undefined) add('min-coverage', `coverage at least ${g.minCoverage}%`);
  if (g.failOn) add('fail-on', `no finding at or above ${g.failOn}`);
  if (g.strict) add('strict', 'every rule assessed');
  if (g.failOnFatal) add('fatal', 'no critical rule failing');
  if (f.regressionGate && f.baseline) add('regression', `no regression since ${f.baseline.revision} (score not lower, no new or worse finding at or above ${f.regressionGate})`);
  return out;
}

function casesOf(f: LintedFile): Case[] {
  const problems = problemsOf(f);
  const cases = f.report.rules.map((r) => ruleCase(f, r, problems));
  for (const p of problems.filter((x) => x.kind === 'expired-waiver'))
    cases.push({
      name: `${EXPIRED_WAIVER}: ${p.waiver!.rule}`,
      classname: f.file,
      file: f.file,
      line: p.line,
      outcome: { kind: 'failure', type: EXPIRED_WAIVER, message: p.message, body: problemText(p) },
    });
  // A contradiction finding is its own case, under the id `sales-audit explain contradiction` explains (its rule's case counts it as a rule does not).
  for (const p of problems.filter((x) => x.ruleId === CONTRADICTION && x.kind === 'finding'))
    cases.push({
      name: `${CONTRADICTION}: ${p.path}`,
      classname: f.file,
      file: p.file,
      line: p.line,
      outcome: { kind: 'failure', type: CONTRADICTION, message: p.message, body: problemText(p) },
    });
  return [...cases, ...gateCases(f)];
}

export function renderJunit(run: LintRun): string {
  const streamer = junitStreamer(memorySpool());
  for (const f of run.files) streamer.add(f);
  return [...streamer.finish(run)].join('');
}

/** A file's suite; `out`, its `<system-out>`: the comparison with the baseline in words, which CI pages show where they hide properties. */
type Suite = { name: string; props: [string, string][]; cases: Case[]; out?: string };

function suiteOf(f: LintFile): Suite {
  if (!f.ok) {
    const body = f.diagnostics.map((d) => `${d.file}${d.line ? `:${d.line}:${d.column ?? 1}` : ''}: ${d.path ? `${d.path}: ` : ''}${d.message}`).join('\n');
    return {
      name: f.file,
      props: [],
      cases: [
        {
          name: 'read the org file and its config',
          classname: f.file,
          file: f.file,
          line: f.diagnostics[0]?.line,
          outcome: { kind: 'error', type: 'invalid-input', message: body.split('\n')[0]!, body },
        },
      ],
    };
  }
  const s = f.report.summary;
  const props: [string, string][] = [
    ['score', s.score === null ? '?' : String(s.score)],
    ['upTo', s.upTo === null ? '?' : String(s.upTo)],
    ['grade', s.grade ?? (s.gradeStatus === 'incomplete' ? 'incomplete' : 'none')],
    ['coverage', String(s.coverage)],
    ['coverageFloor', String(s.coverageFloor)],
    ['auditDate', f.report.auditDate],
  ];
  if (f.config) props.push(['config', f.config]);
  const b = f.baseline;
  if (b) {
    props.push(['baseline', b.revision], ['baselineStatus', b.status]);
    if (b.status === 'compared')
      props.push(
        ['scoreBefore', b.diff.score.before === null ? '?' : String(b.diff.score.before)],
        ['scoreChange', b.diff.score.delta === null ? '?' : String(b.diff.score.delta)],
        ['findingsNew', String(b.diff.findings.new.length)],
        ['findingsResolved', String(b.diff.findings.resolved.length)],
        ['findingsNoLongerAssessed', String(b.diff.findings.noLongerAssessed.length)],
        ['findingsWaived', String(b.diff.findings.waived.length)],
        ['findingsNewlyAssessed', String(b.diff.findings.newlyAssessed.length)],
        ['findingsWorse', String(b.diff.findings.worse.length)],
        ['findingsOpen', String(b.diff.findings.open.length)],
      );
  }
  return { name: f.file, props, cases: casesOf(f), ...(b?.status === 'compared' ? { out: comparisonText(b.revision, b.diff) } : {}) };
}

/** The comparison in one line: `Since main: score 66 → 48 (-18); findings: 0 resolved, 2 new, 1 worse, 27 still open, 11 no longer assessed, 0 waived, 0 newly assessed.` */
function comparisonText(revision: string, d: AuditDiff): string {
  const f = d.findings;
  const delta = d.score.delta === null ? '?' : d.score.delta > 0 ? `+${d.score.delta}` : String(d.score.delta);
  return (
    `Since ${revision}: score ${d.score.before ?? '?'} → ${d.score.after ?? '?'} (${delta}); findings: ${f.resolved.length} resolved, ${f.new.length} new, ${f.worse.length} worse, ` +
    `${f.open.length} still open, ${f.noLongerAssessed.length} no longer assessed, ${f.waived.length} waived, ${f.newlyAssessed.length} newly assessed.`
  );
}

type Totals = Record<'tests' | Exclude<Outcome['kind'], 'pass'>, number>;
const totalsOf = (cases: Case[]): Totals => {
  const t: Totals = { tests: cases.length, failure: 0, error: 0, skipped: 0 };
  for (const c of cases) if (c.outcome.kind !== 'pass') t[c.outcome.kind]++;
  return t;
};
const totalsText = (t: Totals) => `tests="${t.tests}" failures="${t.failure}" errors="${t.error}" skipped="${t.skipped}"`;

function suiteText(s: Suite): string {
  const out = [`  <testsuite name="${xmlAttr(s.name)}" ${totalsText(totalsOf(s.cases))}>`];
  if (s.props.length) {
    out.push('    <properties>');
    for (const [k, v] of s.props) out.push(`      <property name="${xmlAttr(k)}" value="${xmlAttr(v)}"/>`);
    out.push('    </properties>');
  }
  for (const c of s.cases) {
    const attrs = `name="${xmlAttr(c.name)}" classname="${xmlAttr(c.classname)}" file="${xmlAttr(c.file)}"${c.line ? ` line="${c.line}"` : ''}`;
    const o = c.outcome;
    if (o.kind === 'pass') {
      out.push(`    <testcase ${attrs}/>`);
      continue;
    }
    const open = `<${o.kind}${o.type ? ` type="${xmlAttr(o.type)}"` : ''} message="${xmlAttr(o.message)}"`;
    out.push(`    <testcase ${attrs}>`, `      ${open}${o.body ? `>${xmlText(o.body)}</${o.kind}>` : '/>'}`, '    </testcase>');
  }
  if (s.out !== undefined) out.push(`    <system-out>${xmlText(s.out)}</system-out>`);
  out.push('  </testsuite>');
  return `${out.join('\n')}\n`;
}

/**
 * JUnit written file by file (see LintStreamer): each file's test suite goes
 * to the spool as it is linted; only the run's totals are kept, for the
 * `<testsuites>` element that opens the document, written at the end.
 */
export function junitStreamer(spool: LintSpool): LintStreamer {
  const all: Totals = { tests: 0, failure: 0, error: 0, skipped: 0 };
  return {
    add(f) {
      const suite = suiteOf(f);
      const t = totalsOf(suite.cases);
      all.tests += t.tests;
      all.failure += t.failure;
      all.error += t.error;
      all.skipped += t.skipped;
      spool.write(suiteText(suite));
    },
    *finish() {
      yield `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="sales-audit" ${totalsText(all)}>\n`;
      yield* spool.records();
      yield '</testsuites>\n';
    },
  };
}
