// The engine: facts in, AuditReport out. Pure: no I/O, no clock, no printing.
// The audit date, the rules and the way to locate a fact are inputs.
import type { Org } from '../model/schema';
import { formatPath, getAt, parsePath } from '../model/paths';
import { describeFact, namingWhoRunsSales } from '../model/describe';
import { customFactMetas, customFactWords } from '../model/custom-fact';
import { genericPath, MEASURABLE } from '../model/measurable';
import { FACT_QUESTIONS } from '../model/questions.generated';
import { interpolate, monthsBetween, resolveOptions } from './define-rule';
import { groupBySubject } from './group';
import { CITED_AT_MOST, SUMMARISE_OVER, summariseChecks, summariseFindings, summariseSteps, thousands, type RawFinding, type RawStep } from './summarise';
import { identities } from './identity';
import { findContradictions, unknownEmptyLists, withoutLists, type ContradictionLimits } from './contradictions';
import { findOutAction } from './find-out';
import { resolveOwner } from './owners';
import { unlistedPeople } from './roster-gap';
import { thisAudit, withAuditMemo } from './per-audit';
import { GROUP_LABELS } from '../model/respondents';
import { resolveResponses, setAt, valueWords, type Resolution } from './resolve';
import { categoryScores, DEFAULT_COVERAGE_FLOOR, fixGain, inPlay, statusOf, summarise, tally, verdictOf, type Scored } from './scoring';
import {
  SEVERITIES,
  SEVERITY_WEIGHT,
  RULE_GROUPS,
  STATUSES,
  type AuditReport,
  type ChecklistItem,
  type Data,
  type DataIn,
  type Evidence,
  type CheckOut,
  type CheckResult,
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
  /** Coverage (%) under which no letter grade is given (default DEFAULT_COVERAGE_FLOOR). */
  coverageFloor?: number;
  /**
   * A fact path in words a client reads ("the performance actions of AE 3"),
   * for find-out items; the path itself when absent.
   */
  describe?: (path: string) => string;
  /**
   * Merge a rule's findings about one subject (a person) into one finding
   * (engine/group.ts); default true. Rule tests turn it off to see each fact's
   * finding as the rule states it.
   */
  groupBySubject?: boolean;
  /**
   * Every person's finding and step as its own (default false): otherwise a
   * kind of finding about more than SUMMARISE_OVER people is one finding that
   * counts them and names a few (engine/summarise.ts). Scores are the same.
   */
  perPerson?: boolean;
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
  /** Known share of the rule's applicable check weight, [0, 1]. */
  known: number;
  findings: RawFinding[];
  steps: RawStep[];
  /** The rule's checks as the report lists them when a kind of them is summarised (summariseChecks); perPerson lists every one. */
  summarisedChecks?: CheckResult[];
};

export function runAudit(given: AuditInput): AuditReport {
  // Facts several rules read about the people, worked out once for this audit (per-audit.ts).
  return withAuditMemo(() => audit(given));
}

function audit(given: AuditInput): AuditReport {
  // Several respondents: one value per fact by the stated policy, before any rule runs (resolve.ts).
  const resolved = resolveResponses(given.org, given.unknowns ?? [], given.rules);
  const perception = resolved.perception;
  const answered: AuditInput = perception ? { ...given, org: resolved.org, unknowns: resolved.unknowns } : given;
  // An empty list that does or may have members counts as unknown, and one a stated fact says has members is a finding (contradictions.ts).
  const contradictions = findContradictions(answered.org, answered.date, contradictionLimits(answered));
  const emptied = unknownEmptyLists(answered.org, answered.date);
  const input: AuditInput = emptied.length ? { ...answered, org: withoutLists(answered.org, emptied) } : answered;
  const { org, date, rules } = input;
  // A plugin rule's custom facts in the words its `fact()` gives them (built-in rules declare none: an empty map).
  const customMeta = customFactMetas(rules);
  const words = (p: string): string => (customMeta.size ? customFactWords(customMeta.get(p)) : undefined) ?? describeFact(p, org);
  const ids = identities(org);
  const unknownSet = new Set(input.unknowns ?? []);
  const answers = org.answers ?? {};
  const resolutions = new Map<string, Resolution>((perception?.resolutions ?? []).map((r) => [r.path, r]));

  const sources = org.sources ?? {};
  // Evidence for a path: where it is in the file, whether an interview answer gave it, and its stated source.
  // Once per path: a finding and its fix often cite the same fact.
  const seen = new Map<string, Evidence>();
  const evidence = (path: string): Evidence => {
    let ev = seen.get(path);
    if (!ev) seen.set(path, (ev = evidenceOf(path)));
    return ev;
  };
  // Most org files have no answers, sources or resolutions: then a path's ancestors are not walked.
  const byOthers = [...resolutions.values()].filter((r) => r.from !== 'file');
  // Each map walked only when it has entries (an example with sources and no answers walks once per path, not twice).
  const walkAnswers = Object.keys(answers).length > 0;
  const walkSources = Object.keys(sources).length > 0;
  const evidenceOf = (path: string): Evidence => {
    const loc = input.locate?.(path);
    const answeredPath = walkAnswers ? lineageFind(path, (p) => !!answers[p]) : undefined;
    const ev: Evidence = { path, ...(loc ? { file: loc.file, line: loc.line, column: loc.column } : {}), origin: answeredPath ? 'interview' : 'file' };
    if (answeredPath) ev.respondent = answers[answeredPath]!.by;
    // Which respondents' answer the value came from (the fact itself, or the facts under it).
    const used = byOthers.length ? byOthers.filter((r) => r.path === path || r.path.startsWith(`${path}.`) || r.path.startsWith(`${path}[`)) : byOthers;
    if (used.length) {
      ev.origin = 'interview';
      ev.resolution = [...new Set(used.map((r) => r.reason))].join('; ');
    }
    const sourced = walkSources ? lineageFind(path, (p) => Object.hasOwn(sources, p)) : undefined;
    if (sourced) {
      const s = sources[sourced]!;
      ev.source = s.source;
      if (s.as_of) {
        ev.asOf = s.as_of;
        if (monthsBetween(s.as_of, date) >= STALE_AFTER_MONTHS) ev.stale = true;
      }
    }
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

  // Findings and steps cite their facts by path until the report shows them (placeAt below): at 10,000
  // people most are summarised, and locating every fact in the file was a large share of the run.
  const raws: Raw[] = rules.map((rule) => evaluate(rule, input, unknownSet, waivers, pathOnly, ids));

  // A gap that decides a verdict: the rule, run again with each group's answer, comes out differently (its status or its score).
  for (const gap of perception?.gaps ?? []) {
    const paths = expandPattern(org, gap.fact);
    if (!paths.length) continue;
    for (const id of gap.rules) {
      const raw = raws.find((r) => r.result.id === id);
      if (!raw || ['off', 'waived', 'error'].includes(raw.result.status)) continue;
      const verdicts = new Set<string>();
      for (const value of [...gap.answers.map((a) => a.value), gap.recorded]) {
        if (value === undefined) continue;
        const alt = structuredClone(org);
        for (const p of paths) setAt(alt, p.segs, value);
        const altUnknowns = new Set([...unknownSet].filter((u) => !paths.some((p) => p.path === u)));
        const r = evaluate(raw.rule, { ...input, org: alt, unknowns: [...altUnknowns] }, altUnknowns, waivers, pathOnly, ids).result;
        verdicts.add(`${r.status} ${r.score}`);
      }
      if (verdicts.size < 2) continue;
      gap.decisive.push(id);
      const said = [
        ...(gap.recorded !== undefined ? [`the org file: ${valueWords(gap.recorded)}`] : []),
        ...gap.answers.map((a) => `${GROUP_LABELS[a.group].replace(/ \(.*\)$/, '')}: ${a.words}`),
      ].join('; ');
      // Which answer the rules saw: the resolution of the fact (the file's value when no group's answer replaced it).
      const used = resolutions.get(paths[0]!.path);
      const whose = (g: string) => (g.endsWith('s') ? `${g}'` : `${g}'s`);
      const usedWords =
        !used || used.from === 'file'
          ? `the org file's value (${valueWords(gap.recorded ?? getAt(org, paths[0]!.segs))})`
          : `${whose(GROUP_LABELS[used.from].replace(/ \(.*\)$/, ''))} answer (${valueWords(getAt(org, paths[0]!.segs))})`;
      const disagreement = `${words(gap.fact)}: ${said}; the audit used ${usedWords}`;
      // A finding the rule already makes on this very fact carries the disagreement in its message and evidence: the same fact is never counted twice (issue 14, item 10).
      const onFact = raw.findings.find((f) => !f.note && f.evidence.some((e) => paths.some((p) => e.path === p.path)));
      if (onFact) {
        onFact.message += ` Where people disagree: ${disagreement}.`;
        onFact.data = { ...onFact.data, disagreement: gap.fact };
        continue;
      }
      raw.findings.push({
        id: ids.findingId(id, 'perceptionGap', [gap.fact]),
        ruleId: id,
        messageId: 'perceptionGap',
        message: `Where people disagree: ${disagreement}. Whose answer is right decides this rule's result.`,
        severity: raw.result.severity,
        note: false,
        data: { fact: gap.fact },
        evidence: [evidence(paths[0]!.path)],
        thresholds: [],
      });
    }
  }

  // Each contradiction is a finding of the first rule that judges the list's members and runs, naming both facts, with its fix.
  // The fix is the checklist's item for the facts it settles (checklistOf): listing the roster is worth every check waiting on it.
  const resolving: { list: string; ruleId: string; action: string; paths: string[]; severity: Severity; order: number }[] = [];
  for (const c of contradictions) {
    const raw = c.owners.map((id) => raws.find((r) => r.result.id === id)).find((r) => r && !['off', 'waived', 'error'].includes(r.result.status));
    if (!raw) continue;
    const paths = [c.list, ...c.by];
    resolving.push({ list: c.list, ruleId: raw.result.id, action: c.action, paths, severity: raw.result.severity, order: raws.indexOf(raw) });
    raw.findings.push({
      id: ids.findingId(raw.result.id, 'contradiction', paths),
      ruleId: raw.result.id,
      messageId: 'contradiction',
      message: c.message,
      severity: raw.result.severity,
      note: false,
      data: { list: c.list },
      evidence: paths.map(pathOnly),
      thresholds: [],
    });
  }

  const scored: Scored[] = raws.map(({ result, known }) => ({
    id: result.id,
    category: result.category,
    weight: result.weight,
    status: result.status,
    score: result.score,
    upTo: result.upTo,
    known,
    critical: result.severity === 'critical',
    fatal: result.severity === 'critical' && result.status === 'fail',
  }));
  const summary = summarise(scored, input.coverageFloor ?? DEFAULT_COVERAGE_FLOOR);

  // "Not measured": a fact the company should measure, answered "don't know".
  // It already earns nothing; the finding says why it matters (mistake 4).
  const measured = (path: string) => {
    const label = MEASURABLE[genericPath(path)];
    if (!label) return undefined;
    const person = /^people\[(\d+)\]/.exec(path);
    return label.replace('{name}', person ? (org.people?.[Number(person[1])]?.name ?? `people[${person[1]}]`) : 'the person');
  };
  for (const u of [...unknownSet].sort()) {
    const label = measured(u);
    const owner = label && raws.find((r) => r.rule.reads.includes(genericPath(u)) && r.result.status !== 'off' && r.result.status !== 'waived');
    if (!label || !owner) continue;
    owner.findings.push({
      id: ids.findingId(owner.result.id, 'notMeasured', [u]),
      ruleId: owner.result.id,
      messageId: 'notMeasured',
      message: `Not measured: the company cannot say ${label}, so it cannot be managed.`,
      severity: owner.result.severity,
      note: false,
      data: { fact: u },
      evidence: [evidence(u)],
      thresholds: [],
    });
  }

  // Located now, and cited CITED_AT_MOST at most (evidenceTotal says how many there are) unless per person.
  const cite = (paths: readonly string[]): { evidence: Evidence[]; evidenceTotal?: number } =>
    !input.perPerson && paths.length > CITED_AT_MOST ? { evidence: paths.slice(0, CITED_AT_MOST).map(evidence), evidenceTotal: paths.length } : { evidence: paths.map(evidence) };
  const placed = <T extends { evidence: Evidence[] }>(x: T): T => ({ ...x, ...cite(x.evidence.map((e) => e.path)) });
  const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  const presented = raws.map((raw) => {
    // One finding per subject of a rule (a person), stating each fact: every format lists each person once.
    const grouped: RawFinding[] = input.groupBySubject === false ? raw.findings : groupBySubject(raw.findings, org, input.perPerson ? Infinity : SUMMARISE_OVER);
    // Counted per person, before any summary: the counts (and the gates) are the same either way.
    // An index loop: in code not yet optimised, for...of makes an iterator result per finding.
    if (raw.result.status !== 'waived') for (let i = 0; i < grouped.length; i++) if (!grouped[i]!.note) bySeverity[grouped[i]!.severity]++;
    // Whom the rule judged, for "300 of 2,100 reps" (a rule that does not say counts everyone listed).
    const pop = raw.rule.population;
    const population = pop && !input.perPerson ? { noun: pop.noun, count: pop.count(org) } : undefined;
    const summed = input.perPerson ? { findings: grouped, order: undefined, kindOf: undefined } : summariseFindings(grouped, org, population);
    // Placed and keyed only when the checklist is read (see lazily below).
    const stepsOf = () => {
      const keyed = (summed.order ? summariseSteps(raw.steps, org, summed.order, summed.kindOf, population) : raw.steps).map(({ data, group, ...s }) => ({
        ...placed(s),
        // A step for many people is about the list, not the few it names: its identity stays while they change.
        key: s.people
          ? `${raw.result.id}/${s.stepId}/people[${group ?? ''}]`
          : ids.checklistId(
              raw.result.id,
              s.stepId,
              s.evidence.map((e) => e.path),
            ),
        data,
      }));
      // Steps of one rule on the same facts that say different things ("Add the target markets …", "Add the goals …")
      // are told apart by their parameters, so every checklist id is unique (diff and waivers match by it).
      const seen = new Map<string, number>();
      for (const s of keyed) seen.set(s.key, (seen.get(s.key) ?? 0) + 1);
      return keyed.map(({ data, key, ...s }) => ({ ...s, key: seen.get(key)! > 1 && data ? `${key}/${stepParams(data)}` : key }));
    };
    // Each finding copied once, located and with its verdict flags (the rule's status is final here).
    const { result } = raw;
    const found: Finding[] = summed.findings.map((f) =>
      copyFinding(f, {
        ...cite(f.evidence.map((e) => e.path)),
        fatal: !f.note && result.severity === 'critical' && result.status === 'fail',
        suppressed: result.status === 'waived',
      }),
    );
    return { raw, findings: found, stepsOf };
  });
  const findings: Finding[] = presented
    .flatMap(({ findings }) => findings)
    // Stable (ES2019): findings of one rank keep the engine's order.
    .sort((a, b) => rank(a) - rank(b));

  // Fixes (a rule's gain on its first item: its items earn it together), then
  // find-out items, one per unknown check, worth the points in play on it.
  // Worked out when the report's checklist is first read (lazily below).
  const checklistOf = (): ChecklistItem[] => {
    const describe = input.describe ?? words;
    // One wording per kind of fact, whichever rule asks (find-out.ts); the company measures what it answered "don't know" to.
    const findOutOf = (facts: readonly string[]) => {
      const { action, measure, ask } = findOutAction(facts, {
        describe,
        measured: (f) => (unknownSet.has(f) ? measured(f) : undefined),
        valueOf: (f) => getAt(org, f),
        list: listWords,
      });
      // Measuring is for who runs sales, finding out for the auditor: an item that asks both names both.
      return { action, owner: measure ? resolveOwner(ask ? 'Sales manager with Auditor' : 'Sales manager', org) : 'Auditor' };
    };
    // A partial roster's question is the people it leaves out, with the counts that say so (review s8 M2).
    let gap: ReturnType<typeof unlistedPeople> | null = null;
    const unlisted = () => (gap === null ? (gap = unlistedPeople(org)) : gap);
    // `key`: a fix's identity, from every fact it rests on (worked out before its evidence is cited CITED_AT_MOST at most).
    type Item = Omit<ChecklistItem, 'id' | 'rank' | 'status'> & { key?: string };
    const groups: { items: Item[]; gain: number; fatal: boolean; severity: Severity; order: number }[] = [];
    // One find-out item per set of facts, across the rules: checks lacking the same facts (two policies' practice, the
    // roster that four rules wait for) are one question, worth the points in play on all of them (on the first rule's item).
    const findOut = new Map<string, (typeof groups)[number]>();
    // A contradiction's fix is a find-out item: what settling the facts can move, where it was a fix worth 0 that ranked last.
    const resolvingGroup = (c: (typeof resolving)[number], gain: number): (typeof groups)[number] => ({
      items: [
        {
          kind: 'find-out',
          ruleId: c.ruleId,
          stepId: 'resolveContradiction',
          action: c.action,
          owner: 'Auditor',
          effort: 'low',
          gain,
          severity: c.severity,
          facts: c.paths,
          ...cite(c.paths),
          key: ids.checklistId(c.ruleId, 'resolveContradiction', c.paths),
        },
      ],
      gain,
      fatal: false,
      severity: c.severity,
      order: c.order,
    });
    const skipped = (status: string) => status === 'waived' || status === 'off' || status === 'error' || status === 'not-applicable';
    // Facts asked by an item of their own (a check waiting on that fact alone, or a contradicted list): a check that
    // waits on one of them and on others asks only the others, so the roster is not asked again far down the list.
    const askedAlone = new Set<string>(resolving.map((c) => c.list));
    for (const { raw } of presented) if (!skipped(raw.result.status)) for (const check of raw.result.checks) if (check.missing.length === 1) askedAlone.add(check.missing[0]!);
    presented.forEach(({ raw: { result }, stepsOf, findings: found }, order) => {
      if (skipped(result.status)) return;
      const gain = fixGain(scored, result.id);
      const fatal = result.severity === 'critical' && result.status === 'fail';
      const steps = stepsOf();
      // A finding always has its fix on the checklist, even in a rule that passes
      // on points (an unscored finding: a new hire with no ramp, a pay mix).
      if (steps.length && (gain > 0 || (result.status !== 'pass' && result.status !== 'incomplete') || found.some((f) => !f.note))) {
        groups.push({
          items: steps.map((st, i) => ({ kind: 'fix' as const, ...st, ruleId: result.id, gain: i === 0 ? gain : 0, severity: result.severity, ...(fatal ? { fatal: true } : {}) })),
          gain,
          fatal,
          severity: result.severity,
          order,
        });
      }
      for (const check of result.checks) {
        // Facts first: most of a large roster's checks have none, and inPlay sums every rule's weight.
        if (!check.missing.length) continue;
        const points = inPlay(scored, result.id, check);
        if (!(points > 0)) continue;
        const rest = check.missing.length > 1 ? check.missing.filter((f) => !askedAlone.has(f)) : check.missing;
        // Every fact asked alone: the points go to the first one's item.
        const facts = rest.length ? rest : check.missing.slice(0, 1);
        // A contradicted fact this check waits on beside others is asked by the contradiction's item: settling it
        // moves this check too, so the item is worth its points as well (review s9, item 5: an emptied attainment
        // list, filled in, raised metrics-accountability's team check, yet its item showed a gain of 0).
        for (const f of check.missing) {
          const c = facts.includes(f) ? undefined : resolving.find((r) => r.list === f);
          if (!c) continue;
          const ownKey = `\u0000${c.list}`;
          const own = findOut.get(ownKey);
          if (!own) {
            const group = resolvingGroup(c, Math.round(points * 10) / 10);
            if (result.id !== c.ruleId) group.items[0]!.ruleIds = [c.ruleId, result.id];
            findOut.set(ownKey, group);
            groups.push(group);
            continue;
          }
          const item = own.items[0]!;
          own.gain = item.gain = Math.round((own.gain + points) * 10) / 10;
          if (item.ruleId !== result.id && !item.ruleIds?.includes(result.id)) item.ruleIds = [...(item.ruleIds ?? [item.ruleId]), result.id];
        }
        // A contradicted fact's checks are the contradiction's item: settling it is the question.
        // (The facts under it, a listed rep's quarters, stay their own questions: listing the reps does not tell them.)
        const settles = resolving.find((c) => facts.every((f) => f === c.list));
        const key = settles ? `\u0000${settles.list}` : facts.join('\n');
        const same = findOut.get(key);
        if (same) {
          const item = same.items[0]!;
          same.gain = item.gain = Math.round((same.gain + points) * 10) / 10;
          // The answer moves this rule too: every format names each rule an item moves (the partial roster moves five).
          if (item.ruleId !== result.id && !item.ruleIds?.includes(result.id)) item.ruleIds = [...(item.ruleIds ?? [item.ruleId]), result.id];
          continue;
        }
        if (settles) {
          const group = resolvingGroup(settles, points);
          if (result.id !== settles.ruleId) group.items[0]!.ruleIds = [settles.ruleId, result.id];
          findOut.set(key, group);
          groups.push(group);
          continue;
        }
        const group: (typeof groups)[number] = {
          items: [
            {
              kind: 'find-out',
              ruleId: result.id,
              stepId: 'find-out',
              ...(facts.length === 1 && facts[0] === 'people' && unlisted() ? { action: listTheUnlisted(unlisted()!), owner: 'Auditor' } : findOutOf(facts)),
              effort: 'low',
              gain: points,
              severity: result.severity,
              facts,
              ...cite(facts),
            },
          ],
          gain: points,
          fatal: false,
          severity: result.severity,
          order,
        };
        findOut.set(key, group);
        groups.push(group);
      }
    });
    // A contradiction with no check in play on its fact still has its fix on the list.
    for (const c of resolving) if (!findOut.has(`\u0000${c.list}`)) groups.push(resolvingGroup(c, 0));
    return groups
      .sort(
        (a, b) =>
          Number(b.fatal) - Number(a.fatal) ||
          b.gain - a.gain ||
          Number(a.items[0]!.kind === 'find-out') - Number(b.items[0]!.kind === 'find-out') ||
          SEVERITY_WEIGHT[b.severity] - SEVERITY_WEIGHT[a.severity] ||
          a.order - b.order,
      )
      .flatMap((g) => g.items)
      .map(({ key, ...item }, i) => ({
        id: key ?? ids.checklistId(item.ruleId, item.stepId, item.facts ?? item.evidence.map((e) => e.path)),
        rank: i + 1,
        ...item,
        status: 'open' as const,
      }));
  };

  const counts = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
  for (const r of raws) counts[r.result.status]++;

  // Named respondents only: an anonymous one has no name anywhere.
  const named = (org.responses ?? []).filter((r) => !r.anonymous && r.respondent).map((r) => r.respondent!);
  const respondents = [...new Set([...Object.values(answers).map((a) => a.by), ...named])].sort();
  let unknowns: Evidence[] | undefined;
  const unknownsNow = () => (unknowns ??= [...unknownSet].sort().map(evidence));
  // Words for every path the report shows, in code-unit order (the same bytes everywhere).
  const labelsOf = (checklist: readonly ChecklistItem[]): Record<string, string> => {
    const paths = new Set<string>();
    for (const f of findings) for (const e of f.evidence) paths.add(e.path);
    for (const c of checklist) for (const e of c.evidence) paths.add(e.path);
    for (const r of raws) for (const m of r.result.missing) paths.add(m);
    for (const u of unknownsNow()) paths.add(u.path);
    for (const g of perception?.gaps ?? []) paths.add(g.fact);
    const labels: Record<string, string> = {};
    for (const p of [...paths].sort()) labels[p] = words(p);
    return labels;
  };
  // The interview's question for each fact a rule misses, so a report can say what to ask without the schema.
  const questionsOf = (): Record<string, string> => {
    const questions: Record<string, string> = {};
    for (const p of [...new Set(raws.flatMap((r) => r.result.missing))].sort()) {
      const q = FACT_QUESTIONS[genericPath(p)] ?? customMeta.get(p)?.question;
      if (q) questions[p] = q;
    }
    return questions;
  };

  const report: AuditReport = {
    schemaVersion: 2,
    tool: { name: 'sales-audit', version: input.toolVersion ?? '0.0.0' },
    auditDate: date,
    org: { file: input.file, company: org.company?.name ?? null, respondents },
    summary: {
      ...summary,
      // Only the facts that could move the headline: a waived, disabled or inapplicable rule's are not in play.
      unknownFacts: new Set(raws.filter((r) => !['waived', 'off', 'not-applicable'].includes(r.result.status)).flatMap((r) => r.result.missing)).size,
      fatal: scored.filter((s) => s.fatal).length,
      counts,
      findings: bySeverity,
    },
    categories: [],
    rules: raws.map((r) => (r.summarisedChecks && !input.perPerson ? { ...r.result, checks: r.summarisedChecks } : r.result)),
    findings,
    checklist: [],
    unknowns: [],
    waivers,
    notes: { ...(org.notes ?? {}) },
    labels: {},
    questions: {},
    ...(perception ? { perception } : {}),
  };
  // The checklist and the words for its facts are most of the report's
  // assembly, and a lint listing (stylish, SARIF...) reads neither: each is
  // worked out when first read, in its place among the report's keys.
  let checklist: ChecklistItem[] | undefined;
  // Read after runAudit has returned, with this audit's shared facts (per-audit.ts).
  const inThisAudit = thisAudit();
  const checklistNow = () => (checklist ??= inThisAudit(checklistOf));
  lazily(report, 'checklist', checklistNow);
  lazily(report, 'labels', () => labelsOf(checklistNow()));
  // Nor do they or the gates read the categories, the facts answered "unknown" (each located in the file) or the questions.
  lazily(report, 'categories', () => categoryScores(scored));
  lazily(report, 'unknowns', unknownsNow);
  lazily(report, 'questions', questionsOf);
  return report;
}

/**
 * Makes `obj[key]` (already in place, so the key keeps its order) a value
 * worked out by `make` when first read (or replaced when first written), then
 * an ordinary property: JSON.stringify, spreads and structuredClone see the
 * value as if it had always been there.
 */
function lazily<T extends object, K extends keyof T>(obj: T, key: K, make: () => T[K]): void {
  const settle = (value: T[K]) => Object.defineProperty(obj, key, { value, writable: true, enumerable: true, configurable: true });
  Object.defineProperty(obj, key, {
    enumerable: true,
    configurable: true,
    get: () => {
      const value = make();
      settle(value);
      return value;
    },
    set: settle,
  });
}

/** The concrete paths of a fact pattern in an org: `people[].x` -> people[0].x, people[1].x... */
function expandPattern(org: Org, pattern: string): { path: string; segs: (string | number)[] }[] {
  let found: (string | number)[][] = [[]];
  for (const seg of parsePath(pattern)) {
    if (seg !== -1) {
      found = found.map((s) => [...s, seg]);
      continue;
    }
    found = found.flatMap((s) => {
      const list = getAt(org, s);
      return Array.isArray(list) ? list.map((_, i) => [...s, i]) : [];
    });
  }
  return found.map((segs) => ({ path: formatPath(segs), segs }));
}

/**
 * The thresholds contradictions are judged against, from the rules as this
 * audit runs them: the selling-time rule's `passAbove` (with the config's
 * override); none for a rule that is off, absent or misconfigured.
 */
function contradictionLimits(input: AuditInput): ContradictionLimits {
  const rule = input.rules.find((r) => r.id === 'selling-time');
  const settings = input.settings?.['selling-time'];
  if (!rule || settings?.enabled === false) return {};
  const resolved = resolveOptions(rule, settings?.options);
  const target = resolved.ok ? resolved.options.passAbove : undefined;
  return typeof target === 'number' ? { sellingTarget: target } : {};
}

/**
 * A finding with `extra`'s fields set over its own, and without `gap` (the
 * engine's, not the report's). An id not yet worked out (toFinding's getter)
 * stays so, in its place among the keys (lazily): the listings lint writes
 * (stylish, SARIF...) never read it, and working out every finding's id was a
 * tenth of linting a file. A spread would call the getter.
 */
function copyFinding<E extends Partial<Finding>>(f: RawFinding, extra: E): RawFinding & E {
  const id = Object.getOwnPropertyDescriptor(f, 'id');
  if (!id?.get) {
    const { gap: _gap, ...rest } = f;
    return { ...rest, ...extra };
  }
  const get = id.get;
  // The accessor in the literal (not defineProperty on a built object, which was slower than the id itself).
  const settle = (value: string) => Object.defineProperty(out, 'id', { value, writable: true, enumerable: true, configurable: true });
  const out: Record<string, unknown> = {
    get id(): string {
      const value = get.call(f) as string;
      settle(value);
      return value;
    },
    set id(value: string) {
      settle(value);
    },
  };
  for (const k of Object.keys(f)) if (k !== 'id' && k !== 'gap') out[k] = f[k as keyof RawFinding];
  for (const k of Object.keys(extra)) out[k] = extra[k as keyof E];
  return out as RawFinding & E;
}

/** Evidence by path alone, located once the report shows it (placed). */
const pathOnly = (path: string): Evidence => ({ path, origin: 'file' });

const rank = (f: Omit<Finding, never>) => (f.fatal ? 0 : 1) * 100 + (f.note ? 50 : 0) + SEVERITIES.indexOf(f.severity);

/** The first of a path and its ancestors (nearest first: `a.b[0].c`, `a.b[0]`, `a.b`, `a`) that `has`, without building the list (once per fact cited). */
function lineageFind(path: string, has: (p: string) => boolean): string | undefined {
  for (let p = path; ;) {
    if (has(p)) return p;
    const cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
    if (cut <= 0) return undefined;
    p = p.slice(0, cut);
  }
}

function evaluate(rule: RuleDefinition, input: AuditInput, unknowns: Set<string>, waivers: WaiverState[], evidence: (path: string) => Evidence, ids: ReturnType<typeof identities>): Raw {
  const settings = input.settings?.[rule.id] ?? {};
  const severity = settings.severity ?? rule.severity;
  const weight = settings.weight ?? SEVERITY_WEIGHT[severity];
  const result: RuleResult = {
    id: rule.id,
    title: rule.title,
    category: rule.category,
    ...(rule.group ? { group: { id: rule.group, title: RULE_GROUPS[rule.group] } } : {}),
    severity,
    weight,
    source: rule.source,
    docs: { description: rule.docs.description, rationale: rule.docs.rationale },
    status: 'not-assessed',
    score: null,
    upTo: null,
    coverage: 0,
    missing: [],
    checks: [],
  };
  const raw: Raw = { rule, result, known: 0, findings: [], steps: [] };
  // Nothing known: in the denominator, earning nothing.
  const unassessed = (missing: string[]) => {
    Object.assign(result, { score: 0, upTo: 1, coverage: 0, missing, checks: [{ id: rule.id, weight: 1, status: 'not-assessed', score: 0, upTo: 1, missing }] });
    if (result.waiver) result.status = 'waived';
  };
  if (settings.enabled === false) {
    result.status = 'off';
    return raw;
  }
  const waiver = waivers.find((w) => w.rule === rule.id && w.status === 'active');
  if (waiver) result.waiver = waiver;

  const missing = rule.requires.filter((p) => isMissing(getAt(input.org, p)));
  if (missing.length) {
    unassessed(missing);
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
      step: (step, data, paths, extra) => ({ step, data: clean(data), paths, ...(extra?.or ? { or: true } : {}) }),
    });
  } catch (e) {
    result.status = 'error';
    result.error = e instanceof Error ? e.message : String(e);
    return raw;
  }
  // A threshold's source straight from the rule's declaration (optionDocs lists them all, for every rule and file).
  const declared = rule.options?.thresholds ?? {};
  // Set once the rule is scored: its findings are near misses when it passes on what is known.
  let rulePasses = false;
  const toFinding = (f: NonNullable<Extract<typeof out, { score: number }>['findings']>[number]): Raw['findings'][number] => {
    // The id and the sentence are worked out when read (the report, or a merge of findings): a summarised finding's
    // never are, which at 10,000 people is most of them (issue 9 item 6). Assigning either replaces it.
    let id: string | undefined;
    let message: string | undefined;
    return {
      get id() {
        return (id ??= ids.findingId(rule.id, f.message, f.paths));
      },
      set id(v: string) {
        id = v;
      },
      ruleId: rule.id,
      messageId: f.message,
      get message() {
        // "the sales manager" names the CEO or the founder when the file says they run sales.
        return (message ??= namingWhoRunsSales(interpolate(rule.messages[f.message] ?? f.message, f.data), input.org));
      },
      set message(v: string) {
        message = v;
      },
      severity: (f.gap !== undefined ? f.gap <= NEAR_MISS : rulePasses) ? lower(severity) : severity,
      // The order among people (summarise.ts): how far the fact misses, whether or not it sets the severity.
      ...(f.gap !== undefined ? { gap: f.gap } : f.shortfall !== undefined ? { gap: f.shortfall } : {}),
      note: f.note === true,
      data: f.data ?? {},
      evidence: f.paths.map(evidence),
      thresholds: (f.thresholds ?? []).map(thresholdOf),
    };
  };
  // One object per threshold of the rule, shared by its findings (the same name, value and source in each).
  const thresholdMemo = new Map<string, Finding['thresholds'][number]>();
  function thresholdOf(name: string): Finding['thresholds'][number] {
    let t = thresholdMemo.get(name);
    if (!t) {
      const source = Object.hasOwn(declared, name) ? declared[name]!.source : undefined;
      thresholdMemo.set(name, (t = { name, value: options[name], ...(source ? { source } : {}) }));
    }
    return t;
  }
  if ('notAssessed' in out) {
    unassessed(out.notAssessed);
    // Notes survive (e.g. a date that cannot be right is why a fact is unknown); failures cannot.
    raw.findings = (out.findings ?? []).filter((f) => f.note).map(toFinding);
    return raw;
  }
  if ('notApplicable' in out) {
    Object.assign(result, { status: 'not-applicable', reason: out.notApplicable, coverage: 100 });
    raw.findings = (out.findings ?? []).filter((f) => f.note).map(toFinding);
    return raw;
  }
  const checks: CheckOut[] = 'checks' in out ? out.checks : [{ id: rule.id, score: out.score }];
  let t: ReturnType<typeof tally>;
  try {
    t = tally(checks);
  } catch (e) {
    result.status = 'error';
    result.error = e instanceof Error ? e.message : String(e);
    return raw;
  }
  result.checks = t.checks;
  // For the report only: the checklist below reads every check (one find-out item each).
  raw.summarisedChecks = summariseChecks(t.checks, t.shares);
  result.missing = t.missing;
  if (t.score === null || t.upTo === null) {
    Object.assign(result, {
      status: 'not-applicable',
      reason: t.checks
        .map((c) => c.reason)
        .filter(Boolean)
        .join('; '),
      coverage: 100,
    });
    raw.findings = (out.findings ?? []).filter((f) => f.note).map(toFinding);
    return raw;
  }
  result.score = Math.round(t.score * 1000) / 1000;
  result.upTo = Math.round(t.upTo * 1000) / 1000;
  result.coverage = Math.floor(t.known * 100 + 1e-9);
  raw.known = t.known;
  // The verdict judges what is known; coverage says how much that is.
  result.status = waiver ? 'waived' : t.knownMean === null ? 'not-assessed' : verdictOf(t.knownMean, t.score);
  rulePasses = t.knownMean !== null && statusOf(t.knownMean) === 'pass';
  if (t.knownMean === null) {
    raw.findings = (out.findings ?? []).filter((f) => f.note).map(toFinding);
    return raw;
  }

  raw.findings = (out.findings ?? []).map(toFinding);
  const undeclared = (out.steps ?? []).find((s) => !rule.steps[s.step]);
  if (undeclared) {
    // A rule bug, reported as that rule's error so the audit goes on.
    Object.assign(result, { status: 'error', score: null, error: `returned an undeclared step "${undeclared.step}"` });
    raw.findings = [];
    return raw;
  }
  // Worked out when the checklist first reads them (stepsOf): a lint listing never does, and
  // wording each step's action and resolving its owner was a share of every file's cost there.
  const given = out.steps ?? [];
  let steps: RawStep[] | undefined;
  Object.defineProperty(raw, 'steps', {
    enumerable: true,
    configurable: true,
    get: (): RawStep[] =>
      (steps ??= given.map((s) => {
        const def = rule.steps[s.step]!;
        return {
          stepId: s.step,
          action: namingWhoRunsSales(interpolate(def.action, s.data), input.org),
          owner: resolveOwner(def.owner, input.org),
          effort: def.effort,
          evidence: (s.paths ?? []).map(evidence),
          ...(s.or ? { or: true as const } : {}),
          ...(s.data ? { data: s.data } : {}),
        };
      })),
  });
  return raw;
}

/**
 * A finding whose fact misses by at most this share (0..1) is a near miss,
 * reported one severity lower than its rule's (house default: a quarter of the
 * way from the bar to the worst case).
 */
export const NEAR_MISS = 0.25;
/**
 * Evidence whose source speaks for a date this many months or more before the
 * audit is shown as stale (house default: a sales organisation changes a lot
 * in a year).
 */
export const STALE_AFTER_MONTHS = 12;
const lower = (s: Severity): Severity => SEVERITIES[Math.min(SEVERITIES.length - 1, SEVERITIES.indexOf(s) + 1)]!;

/** A partial roster's find-out action: "List the 2 people the roster leaves out (Sales Director has 9 direct reports; 7 are listed)." */
function listTheUnlisted(gap: { count: number; words: string }): string {
  return `List the ${gap.count === 1 ? 'person' : `${thousands(gap.count)} people`} the roster leaves out (${gap.words.replace(/^The /, 'the ')}).`;
}

/** The most facts a find-out action names; the rest are counted (every one stays in the item's `facts`). */
const FIND_OUT_NAMED = 5;
/** "a, b and c", or "a, b, c, d, e and 912 more facts" for a long list. */
/** A step's parameters as an id segment ("target-markets"): lower-case words joined by hyphens, in key order. */
function stepParams(data: Readonly<Record<string, unknown>>): string {
  return Object.keys(data)
    .sort()
    .map((k) =>
      String(data[k])
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, ''),
    )
    .join('+');
}

function listWords(words: readonly string[]): string {
  if (words.length <= FIND_OUT_NAMED + 1) return joinWords(words);
  return `${words.slice(0, FIND_OUT_NAMED).join(', ')} and ${words.length - FIND_OUT_NAMED} more facts`;
}

/** "a, b and c". */
function joinWords(words: readonly string[]): string {
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

function clean(data: DataIn | undefined): Data {
  const out: Data = {};
  // A loop, not Object.entries: once per finding and step, tens of thousands of times at 10,000 people.
  for (const k in data) if (Object.hasOwn(data, k) && data[k] !== undefined) out[k] = data[k];
  return out;
}

function isMissing(v: unknown): boolean {
  return v === undefined || v === null || (Array.isArray(v) && v.length === 0);
}
