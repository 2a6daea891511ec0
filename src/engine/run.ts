// The engine: facts in, AuditReport out. Pure: no I/O, no clock, no printing.
// The audit date, the rules and the way to locate a fact are inputs.
import type { Org } from '../model/schema';
import { getAt } from '../model/paths';
import { describeFact } from '../model/describe';
import { interpolate, optionDocs, resolveOptions } from './define-rule';
import { categoryScores, projectedGain, statusOf, summarise, type Scored } from './scoring';
import {
  SEVERITIES,
  SEVERITY_WEIGHT,
  STATUSES,
  type AuditReport,
  type ChecklistItem,
  type Data,
  type DataIn,
  type Evidence,
  type Finding,
  type RuleDefinition,
  type RuleResult,
  type RuleSettings,
  type Severity,
  type Status,
  type WaiverState,
} from './types';

export interface Located {
  file: string;
  line: number;
  column: number;
}

export interface AuditInput {
  org: Org;
  /** YYYY-MM-DD. */
  date: string;
  rules: readonly RuleDefinition[];
  /** The org file's path as shown to the user. */
  file: string;
  /** Where a fact path stands in the source (the loader's position map). */
  locate?: (path: string) => Located | undefined;
  /** Facts explicitly answered "unknown". */
  unknowns?: readonly string[];
  /** Per-rule settings from the org's config. */
  settings?: Readonly<Record<string, RuleSettings>>;
  /**
   * Waivers from the config (shared by the org files it applies to), each with
   * its place in the config file. They apply after the org file's own waivers.
   */
  configWaivers?: readonly ConfigWaiver[];
  toolVersion?: string;
}

/** A waiver written in a config file, with where it stands there. */
export interface ConfigWaiver {
  rule: string;
  reason: string;
  owner: string;
  /** YYYY-MM-DD. */
  expires: string;
  evidence: Evidence;
}

type Raw = {
  rule: RuleDefinition;
  result: RuleResult;
  findings: Omit<Finding, 'fatal' | 'suppressed'>[];
  steps: { stepId: string; action: string; owner: string; effort: ChecklistItem['effort']; evidence: Evidence[] }[];
};

export function runAudit(input: AuditInput): AuditReport {
  const { org, date, rules } = input;
  const unknownSet = new Set(input.unknowns ?? []);
  const answers = org.answers ?? {};

  // Evidence for a path: where it is in the file, and whether an interview answer gave it.
  const evidence = (path: string): Evidence => {
    const loc = input.locate?.(path);
    const answeredPath = [path, ...ancestorsOf(path)].find((p) => answers[p]);
    const ev: Evidence = { path, ...(loc ? { file: loc.file, line: loc.line, column: loc.column } : {}), origin: answeredPath ? 'interview' : 'file' };
    if (answeredPath) ev.respondent = answers[answeredPath]!.by;
    return ev;
  };

  const waivers = (org.waivers ?? []).map((w, i): WaiverState => ({
    rule: w.rule,
    reason: w.reason,
    owner: w.owner,
    expires: w.expires,
    status: !rules.some((r) => r.id === w.rule) ? 'unknown-rule' : w.expires < date ? 'expired' : 'active',
    evidence: evidence(`waivers[${i}]`),
  }));
  for (const w of input.configWaivers ?? [])
    waivers.push({
      rule: w.rule,
      reason: w.reason,
      owner: w.owner,
      expires: w.expires,
      status: !rules.some((r) => r.id === w.rule) ? 'unknown-rule' : w.expires < date ? 'expired' : 'active',
      evidence: w.evidence,
    });

  const raws: Raw[] = rules.map((rule) => evaluate(rule, input, unknownSet, waivers, evidence));

  const scored: Scored[] = raws.map(({ result }) => ({
    id: result.id,
    category: result.category,
    weight: result.weight,
    status: result.status,
    score: result.score,
    fatal: result.severity === 'critical' && result.status === 'fail',
  }));
  const summary = summarise(scored);

  const findings: Finding[] = raws
    .flatMap(({ result, findings }) =>
      findings.map((f) => ({
        ...f,
        fatal: !f.note && result.severity === 'critical' && result.status === 'fail',
        suppressed: result.status === 'waived',
      })),
    )
    .map((f, i) => ({ f, i }))
    .sort((a, b) => rank(a.f) - rank(b.f) || a.i - b.i)
    .map(({ f }) => f);

  const checklist: ChecklistItem[] = raws
    .filter(({ result }) => (result.status === 'fail' || result.status === 'partial' || (result.status === 'pass' && result.score! < 1)))
    .flatMap(({ result, steps }) => {
      const gain = projectedGain(scored, result.id);
      return steps.map((s) => ({ ...s, ruleId: result.id, gain, severity: result.severity }));
    })
    .map((item, i) => ({ item, i }))
    .sort((a, b) => b.item.gain - a.item.gain || SEVERITY_WEIGHT[b.item.severity] - SEVERITY_WEIGHT[a.item.severity] || a.i - b.i)
    .map(({ item }, i) => ({ rank: i + 1, ...item, status: 'open' as const }));

  const counts = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
  for (const r of raws) counts[r.result.status]++;
  const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  for (const f of findings) if (!f.note && !f.suppressed) bySeverity[f.severity]++;

  const respondents = [...new Set(Object.values(answers).map((a) => a.by))].sort();
  const unknowns = [...unknownSet].sort().map(evidence);
  // Words for every path the report shows, in code-unit order (the same bytes everywhere).
  const paths = new Set<string>();
  for (const f of findings) for (const e of f.evidence) paths.add(e.path);
  for (const c of checklist) for (const e of c.evidence) paths.add(e.path);
  for (const r of raws) for (const m of r.result.missing) paths.add(m);
  for (const u of unknowns) paths.add(u.path);
  const labels: Record<string, string> = {};
  for (const p of [...paths].sort()) labels[p] = describeFact(p, org);

  return {
    schemaVersion: 1,
    tool: { name: 'sales-audit', version: input.toolVersion ?? '0.0.0' },
    auditDate: date,
    org: { file: input.file, company: org.company?.name ?? null, respondents },
    summary: {
      ...summary,
      fatal: scored.filter((s) => s.fatal).length,
      counts,
      findings: bySeverity,
    },
    categories: categoryScores(scored),
    rules: raws.map((r) => r.result),
    findings,
    checklist,
    unknowns,
    waivers,
    notes: { ...(org.notes ?? {}) },
    labels,
  };
}

const rank = (f: Omit<Finding, never>) => (f.fatal ? 0 : 1) * 100 + (f.note ? 50 : 0) + SEVERITIES.indexOf(f.severity);

function ancestorsOf(path: string): string[] {
  const out: string[] = [];
  let p = path;
  for (;;) {
    const cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
    if (cut <= 0) return out;
    p = p.slice(0, cut);
    out.push(p);
  }
}

function evaluate(
  rule: RuleDefinition,
  input: AuditInput,
  unknowns: Set<string>,
  waivers: WaiverState[],
  evidence: (path: string) => Evidence,
): Raw {
  const settings = input.settings?.[rule.id] ?? {};
  const severity = settings.severity ?? rule.severity;
  const weight = settings.weight ?? SEVERITY_WEIGHT[severity];
  const result: RuleResult = {
    id: rule.id,
    title: rule.title,
    category: rule.category,
    severity,
    weight,
    source: rule.source,
    docs: { description: rule.docs.description, rationale: rule.docs.rationale },
    status: 'not-assessed',
    score: null,
    missing: [],
  };
  const raw: Raw = { rule, result, findings: [], steps: [] };
  if (settings.enabled === false) {
    result.status = 'off';
    return raw;
  }
  const waiver = waivers.find((w) => w.rule === rule.id && w.status === 'active');
  if (waiver) result.waiver = waiver;

  const missing = rule.requires.filter((p) => isMissing(getAt(input.org, p)));
  if (missing.length) {
    result.missing = missing;
    if (waiver) result.status = 'waived';
    return raw;
  }

  const resolved = resolveOptions(rule, settings.options);
  if (!resolved.ok) {
    result.status = 'error';
    result.error = resolved.error;
    return raw;
  }
  const { options } = resolved;

  let out: ReturnType<RuleDefinition['check']>;
  try {
    out = rule.check({
      org: input.org,
      options,
      date: input.date,
      isUnknown: (p) => unknowns.has(p),
      finding: (message, paths, data, extra) => ({ message, paths, data: clean(data), ...extra }),
      step: (step, data, paths) => ({ step, data: clean(data), paths }),
    });
  } catch (e) {
    result.status = 'error';
    result.error = e instanceof Error ? e.message : String(e);
    return raw;
  }
  const optionInfo = optionDocs(rule);
  const toFinding = (f: NonNullable<Extract<typeof out, { score: number }>['findings']>[number]): Raw['findings'][number] => ({
    ruleId: rule.id,
    messageId: f.message,
    message: interpolate(rule.messages[f.message] ?? f.message, f.data),
    severity,
    note: f.note === true,
    data: f.data ?? {},
    evidence: f.paths.map(evidence),
    thresholds: (f.thresholds ?? []).map((name) => ({
      name,
      value: options[name],
      ...(optionInfo.find((o) => o.name === name)?.source ? { source: optionInfo.find((o) => o.name === name)!.source } : {}),
    })),
  });
  if ('notAssessed' in out) {
    result.missing = out.notAssessed;
    if (waiver) result.status = 'waived';
    // Notes survive (e.g. a date that cannot be right is why a fact is unknown); failures cannot.
    raw.findings = (out.findings ?? []).filter((f) => f.note).map(toFinding);
    return raw;
  }
  const score = Math.round(Math.min(1, Math.max(0, out.score)) * 1000) / 1000;
  if (!Number.isFinite(score)) {
    result.status = 'error';
    result.error = `score is not a number (${out.score})`;
    return raw;
  }
  result.score = score;
  result.status = waiver ? 'waived' : statusOf(score);

  raw.findings = (out.findings ?? []).map(toFinding);
  const undeclared = (out.steps ?? []).find((s) => !rule.steps[s.step]);
  if (undeclared) {
    // A rule bug, reported as that rule's error so the audit goes on.
    Object.assign(result, { status: 'error', score: null, error: `returned an undeclared step "${undeclared.step}"` });
    raw.findings = [];
    return raw;
  }
  raw.steps = (out.steps ?? []).map((s) => {
    const def = rule.steps[s.step]!;
    return { stepId: s.step, action: interpolate(def.action, s.data), owner: def.owner, effort: def.effort, evidence: (s.paths ?? []).map(evidence) };
  });
  return raw;
}

function clean(data: DataIn | undefined): Data {
  const out: Data = {};
  for (const [k, v] of Object.entries(data ?? {})) if (v !== undefined) out[k] = v;
  return out;
}

function isMissing(v: unknown): boolean {
  return v === undefined || v === null || (Array.isArray(v) && v.length === 0);
}
