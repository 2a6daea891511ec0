// Jackson, mistake 6: cutting a weak rep's pay in place of managing them.
import { countOf, daysBetween, defineRule, listNames, monthsBetween, options, partTimeOf, pastDate, repCheck, repsOf, threshold } from '../src/engine/define-rule';
import { policiesFor, policyRefs } from '../src/engine/policies';
import { unlistedPeople } from '../src/engine/roster-gap';
import type { CheckOut } from '../src/engine/types';
import type { Policy } from '../src/model/schema';

const ARTICLE = "Karen Jackson, 'B2B Sales Management Mistakes That Might Prove Fatal' (Jackson Solutions, 2012), mistake 6: manage a poor performer back to standard, or release them quickly";
const BRIDGE = 'The Bridge Group, SaaS AE Metrics & Compensation report, 2024: median ramp of a new account executive about 5 months';

const ACTION_LABEL = { pay_cut: 'pay cut', improvement_plan: 'improvement plan', coaching: 'extra coaching', release: 'release' } as const;
/** "the last quarter", "the last 3 quarters". */
const lastQuarters = (n: number) => (n === 1 ? 'the last quarter' : `the last ${countOf(n, 'quarter')}`);
type Range = [number, number];

export default defineRule({
  id: 'manage-not-pay-cut',
  title: 'Performance is managed, not priced',
  source: 'Jackson, mistake 6',
  category: 'people',
  // A summary of many reps' findings counts against the reps judged on their quota.
  population: { noun: 'quota-carrying reps', count: (org) => repsOf(org.people).length },
  severity: 'high',
  reads: [
    'people[].name',
    'people[].is_rep',
    'people[].start_date',
    'people[].attainment',
    'people[].actions[].action',
    'people[].actions[].date',
    'people[].title',
    'people[].selling_share_pct',
    'people[].direct_reports',
    'policies[].applies_to',
    'policies[].underperformance',
    'policies[].improvement_plan_deadline_days',
    'leadership.reps_per_manager',
    'plan.ramped_reps',
  ],
  options: options({
    underperformancePct: threshold({
      default: 70,
      min: 0,
      max: 100,
      description: 'Quota attainment (%) under which a quarter counts as a poor one.',
      source: `house default, informed by ${ARTICLE}; 70% marks a quarter well short of quota, not a near miss`,
    }),
    consecutiveQuarters: threshold({
      default: 2,
      min: 1,
      max: 20,
      whole: true,
      description: 'How many poor quarters in a row (the latest ones, after the ramp) make a rep an underperformer.',
      source: `house default, informed by ${ARTICLE}; two quarters rule out one bad quarter`,
    }),
    decisionDays: threshold({
      default: 90,
      min: 1,
      max: 730,
      whole: true,
      description: 'Days an improvement plan or extra coaching may run before a decision is due (back to standard, or part ways).',
      source: `house default, informed by ${ARTICLE}; one quarter to show a change`,
    }),
    rampMonths: threshold({
      default: 6,
      min: 0,
      max: 36,
      whole: true,
      description: 'Months a new rep has to ramp up before quota attainment is judged.',
      source: `house default, informed by ${BRIDGE}; a month more for longer sales cycles`,
    }),
  }),
  docs: {
    description:
      "Finds the reps who are underperforming once ramped up (pay already cut, or the latest quarters after the ramp well below quota) and checks that each is being managed against a deadline: extra coaching or an improvement plan started within the decision window, or a decision (let go). A plan or coaching past the window with no decision counts as not managed. One check per rep; a rep known to perform, or still ramping, is not judged; nor, where their record would count against them, is a part-time seller (a selling CEO or a manager who also sells: a selling share under 100%, or people reporting to them), whose quota is not a full-time rep's, unless a role policy covers them (it then counts as for anyone); while the role policies are not recorded, that case earns nothing. A part-time seller is never scored below a full-time rep with the same record. Without a start date, only the quarters beyond the ramp are sure to count. A rep past the ramp whose known quarters are all under the bar, but fewer than the run needs (or none), is unknown for their check (earns nothing): a record too short to tell never clears them, and never makes the rule not applicable. A rep's check is their record alone: a role policy earns nothing for them (it is judged in its own check, and a policy the record shows was not followed is no credit). The written answer to underperformance (`policies:`) is one check of its own beside the reps, whoever it is applied to today, graded as its worst policy: a policy of pay cuts, or with no steps, earns 0; coaching, an improvement plan or a release with a decision deadline within the window earns 1; a longer deadline earns 0.5 + 0.5 × window / deadline (120 days against 90: 0.875), a finding (one severity lower for a near miss, up to a third past the window); a part of a policy not recorded (its steps, or its deadline where it runs coaching or a plan) is unknown over the range it could take. No written policy (`policies: []`) earns 0, a medium finding with a step to write one; with the policies not recorded (`policies:` missing) the check is unknown (earns nothing). Without a roster, a policy's faults are known but its credit waits for one (the roster is one unknown check, whatever its size). So a sound policy with nobody underperforming passes the rule.",
    rationale:
      'A lower paycheque makes a weak rep look cheap, but the real bill is the territory nobody is working, the support effort spent on them and the effect on everyone else. Either coach the person back to standard against a deadline, or part ways early; a plan that runs on for months without a decision is a pay cut by another name.',
  },
  messages: {
    payCut: '{name} had a pay cut {when} with no improvement plan or decision on record.',
    lowAttainment: '{name} has been under {pct}% of quota for {quartersText} ({values}) with no coaching, improvement plan or decision on record.',
    stalled: '{name} has been on {action} since {since} ({daysText}, past the {decisionDays}-day deadline), still under {pct}% of quota, with no decision.',
    actionsUnknown: '{name} has been under {pct}% of quota for {quartersText}, but the actions taken are not known: the score counts this as earning nothing until they are.',
    historyShort:
      "{name}'s quota attainment is known for {knownText} ({values}), under {pct}% of quota; {quartersText} in a row are needed to tell whether {name} is persistently under quota: the score counts this as earning nothing until the earlier quarters are recorded.",
    rampUnknown: '{name} has been under {pct}% of quota for {quartersText}, but without a start date it is not known whether those quarters fall in the ramp-up.',
    repsUnknown: '{names} {has} no quota attainment recorded: the score counts {them} as earning nothing until it is known.',
    futureDate: 'The {action} recorded for {name} is dated {value}, after the audit date ({auditDate}): check it.',
    policyPayCut: 'The policy for {who} answers underperformance with a pay cut.',
    policyNoSteps: 'The policy for {who} names no way to manage underperformance (extra coaching, an improvement plan or a decision).',
    policyLongDeadline: 'The policy for {who} lets extra coaching or an improvement plan run {days} days before a decision (more than {decisionDays}).',
    policiesUnknown:
      'How the company handles underperformance in writing is not recorded: a written policy of pay cuts, or one that lets a plan run past {decisionDays} days without a decision, would be a finding whoever it applies to today; the score counts this as earning nothing until the policies for sales roles are recorded (or recorded as none).',
    policiesNone: 'No written policy says how a rep under quota is handled: without one, each case is settled ad hoc, and a pay cut or a plan that runs on without a decision is easy to slip into.',
    policyTermsUnknown: 'The policy for {who} does not record {what}: whether it answers underperformance soundly is unknown, and the score counts this as earning nothing until it does.',
    policyOnly:
      'No roster is given: the policy for {who} ({terms}) says how underperformance would be handled, but not whether anyone underperforms: the records of the reps earn nothing until a roster shows them.',
    partTime: "{name} sells part-time ({why}): attainment is not judged as a full-time rep's.",
    unlisted: '{words}: for the {countText} not listed, quota attainment and how any underperformance is managed are unknown; the score counts them as earning nothing until they are listed.',
    partTimePolicyUnknown:
      '{name} sells part-time ({why}) and is under quota with nothing on record to manage it. A part-time seller is not judged as a full-time rep unless a role policy covers them, and the role policies are not recorded: until they are (or are recorded as none), the score counts this as earning nothing.',
  },
  steps: {
    decide: {
      action: 'Decide on {name}: extra coaching or an improvement plan with clear targets and a deadline within {decisionDays} days, or parting ways.',
      owner: 'Sales manager with HR',
      effort: 'medium',
    },
    closePlan: {
      action: 'Close the {action} {name} has been on since {since}: decide now (back to standard, or part ways), and give every plan a deadline of {decisionDays} days.',
      owner: 'Sales manager with HR',
      effort: 'medium',
    },
    stopPayCuts: {
      action: 'Stop cutting pay as a way to deal with weak performance; handle it through improvement plans and decisions instead.',
      owner: 'CEO with HR',
      effort: 'low',
    },
    writePolicy: {
      action: 'Write down how a rep under quota is handled: extra coaching, then an improvement plan with clear targets, and a decision within {decisionDays} days.',
      owner: 'CEO with HR',
      effort: 'low',
    },
    fixPolicy: {
      action: 'Rewrite the underperformance policy for {who}: extra coaching, then an improvement plan with clear targets, and a decision within {decisionDays} days.',
      owner: 'CEO with HR',
      effort: 'low',
    },
  },
  check({ org, options, date, finding, step }) {
    const { underperformancePct: pct, consecutiveQuarters: quarters, decisionDays, rampMonths } = options;
    const thresholds = { thresholds: ['underperformancePct', 'consecutiveQuarters'] };
    const findings: ReturnType<typeof finding>[] = [];
    const steps: ReturnType<typeof step>[] = [];
    const refs = policyRefs(org);
    const termsOf = (p: Policy) =>
      [
        p.underperformance?.length ? p.underperformance.map((a) => ACTION_LABEL[a]).join(', then ') : undefined,
        p.improvement_plan_deadline_days === undefined ? undefined : `a decision within ${countOf(p.improvement_plan_deadline_days, 'day')}`,
      ]
        .filter((x) => x !== undefined)
        .join('; ') || 'no terms for underperformance';
    // One policy's grade for underperformance, in [0, 1], as the range it could take while a part is not recorded:
    // `terms` (the steps) and `deadline` (where the steps may run coaching or a plan) say which part is open.
    const policyGrade = (p: Policy): { range: Range; terms: boolean; deadline: boolean } => {
      const steps = p.underperformance;
      const days = p.improvement_plan_deadline_days;
      const byDeadline = (d: number) => (d <= decisionDays ? 1 : 0.5 + (0.5 * decisionDays) / d);
      // Steps unknown: anything from a pay cut (0) to a release alone, which needs no deadline (1).
      if (steps === undefined) return { range: [0, 1], terms: true, deadline: days === undefined };
      if (!steps.length || steps.includes('pay_cut')) return { range: [0, 0], terms: false, deadline: false };
      if (!steps.some((a) => a === 'coaching' || a === 'improvement_plan')) return { range: [1, 1], terms: false, deadline: false };
      // A deadline not recorded may be any length: from just over a half (a very long one) to 1.
      if (days === undefined) return { range: [0.5, 1], terms: false, deadline: true };
      return { range: [byDeadline(days), byDeadline(days)], terms: false, deadline: false };
    };
    // A policy's fault is a finding with or without a roster: it is the company's written answer to
    // underperformance, whoever it is applied to.
    const faulty: number[] = [];
    for (const { policy: p, i, who } of refs) {
      const at = [`policies[${i}].underperformance`];
      let fault = false;
      if (p.underperformance?.includes('pay_cut')) {
        findings.push(finding('policyPayCut', at, { who }));
        fault = true;
      } else if (p.underperformance !== undefined && !p.underperformance.length) {
        findings.push(finding('policyNoSteps', at, { who }));
        fault = true;
      }
      const days = p.improvement_plan_deadline_days;
      if (days !== undefined && days > decisionDays) {
        findings.push(finding('policyLongDeadline', [`policies[${i}].improvement_plan_deadline_days`], { who, days, decisionDays }, { thresholds: ['decisionDays'], gap: 1 - decisionDays / days }));
        fault = true;
      }
      if (fault) {
        steps.push(step('fixPolicy', { who, decisionDays }, [`policies[${i}]`]));
        faulty.push(i);
      }
    }
    // The written answer to underperformance is one check beside the reps, whoever it is applied to today (a VP:
    // the policy is wrong even with nobody under it yet), graded: the worst policy's grade (low ends and high ends
    // each the minimum). A pay cut or no steps earns 0; sound steps within the window 1; a longer deadline
    // 0.5 + 0.5 × window / days (a near miss is not a pay cut); a part not recorded is unknown over the range it
    // could take. `[]` (no written policy) earns 0: having none must never beat having a slightly long one.
    // `policies` missing is unknown (earns nothing). One check however many policies: deleting `policies` (one
    // unknown check) never weighs less than the failures it hides.
    const policyCheck: CheckOut[] = [];
    if (org.policies === undefined) {
      policyCheck.push({ id: 'policies', score: [0, 1], unknown: ['policies'] });
      findings.push(finding('policiesUnknown', ['policies'], { decisionDays }, { note: true }));
    } else if (!refs.length) {
      policyCheck.push({ id: 'policies', score: 0 });
      // Medium, not high: nothing written is a gap to fill, not a policy of pay cuts (a near miss of the rule's severity).
      findings.push(finding('policiesNone', ['policies'], { decisionDays }, { thresholds: ['decisionDays'], gap: 0.25 }));
      steps.push(step('writePolicy', { decisionDays }, ['policies']));
    } else {
      const graded = refs.map((ref) => ({ ref, ...policyGrade(ref.policy) }));
      const score: Range = [Math.min(...graded.map((g) => g.range[0])), Math.min(...graded.map((g) => g.range[1]))];
      const open: string[] = [];
      if (score[0] < score[1]) {
        // Only a policy that could still pull the check down keeps it open.
        for (const { ref, range, terms, deadline } of graded) {
          if (range[0] >= score[1] || (!terms && !deadline)) continue;
          const at = [...(terms ? [`policies[${ref.i}].underperformance`] : []), ...(deadline ? [`policies[${ref.i}].improvement_plan_deadline_days`] : [])];
          open.push(...at);
          const what = [terms ? 'what it does with a rep under quota' : undefined, deadline ? 'the deadline for a decision' : undefined].filter((x) => x !== undefined).join(' or ');
          findings.push(finding('policyTermsUnknown', at, { who: ref.who, what }, { note: true }));
        }
      }
      policyCheck.push(score[0] < score[1] ? { id: 'policies', score, unknown: open } : { id: 'policies', score: score[0] });
    }
    if (org.people === undefined) {
      for (const { policy: p, i, who } of refs) findings.push(finding('policyOnly', [`policies[${i}]`], { who, terms: termsOf(p) }, { note: true }));
      // The roster stays unknown beside the policies' check. A faulty policy is a known failure, but the policy's
      // credit waits for a roster: the roster is one unknown check whatever its size, so crediting the policy beside
      // it would let deleting a roster of failing reps raise the rule.
      const roster = ['people[].attainment', 'people[].actions'];
      const held = policyCheck.map((c): CheckOut => {
        const [lo, hi] = typeof c.score === 'number' ? [c.score, c.score] : c.score!;
        return hi === 0 ? c : { id: c.id, score: [0, hi], unknown: [...(lo < hi ? (c.unknown ?? []) : []), ...roster] };
      });
      return { checks: [{ id: 'roster', score: [0, 1], unknown: roster }, ...held], findings, steps };
    }
    const reps = repsOf(org.people);
    // People the stated counts imply but the roster leaves out: each is a rep whose record is unknown (leaving a weak rep off the list never helps).
    const gap = unlistedPeople(org);
    const unlisted = () => (gap ? [{ id: 'unlisted', weight: gap.count, score: [0, 1] as [number, number], unknown: ['people'] }] : []);
    const unlistedNote = () => (gap ? [finding('unlisted', gap.by, { words: gap.words, count: gap.count, countText: gap.count === 1 ? 'one' : String(gap.count) }, { note: true })] : []);
    if (!reps.length) {
      const none = [...unlisted(), ...policyCheck];
      return none.length ? { checks: none, findings: [...findings, ...unlistedNote()], steps } : { notApplicable: 'No salespeople are listed.', findings };
    }
    // A date after the audit cannot be right: the action stands, its date counts as unknown.
    // Each action's usable date by its path, settled once (the notes come before any rep's findings).
    const actionDate = new Map<string, string | undefined>();
    for (const { p, i, name } of reps) {
      for (const [j, a] of (p.actions ?? []).entries()) {
        const path = `people[${i}].actions[${j}].date`;
        actionDate.set(path, pastDate(a.date, date, { finding, path, data: { name, action: a.action ? ACTION_LABEL[a.action] : 'action' }, to: findings }));
      }
    }

    const checks: CheckOut[] = [];
    const noAttainment: typeof reps = [];
    let payCuts = false;
    // One rep's judgement: exactly one check, with its findings and steps.
    const judge = (rep: (typeof reps)[number]): void => {
      const { p, i, name } = rep;
      const id = `rep:${name}`;
      const att = p.attainment;
      const actions = p.actions;
      // A start date after the audit counts as unknown, without a note (as in the other rules that read it).
      const start = pastDate(p.start_date, date);
      const startPath = `people[${i}].start_date`;
      // The quarters that count are those after the ramp: known from the start
      // date, else at least those beyond the ramp's length (attainment starts no
      // earlier than the rep did) and at most all of them.
      const len = att?.length ?? 0;
      const sinceRamp = start === undefined ? undefined : Math.min(len, Math.max(0, Math.floor((monthsBetween(start, date) - rampMonths) / 3)));
      const counted: Range = sinceRamp !== undefined ? [sinceRamp, sinceRamp] : [Math.max(0, len - Math.ceil(rampMonths / 3)), len];
      const runOf = (n: number) => {
        let run = 0;
        while (att && run < n && att[len - 1 - run]! < pct) run++;
        return run;
      };
      const [runLo, runHi] = [runOf(counted[0]), runOf(counted[1])];
      // What a message says: the whole run under the bar, ramp quarters too (judging uses only those after the ramp).
      const run = runOf(len);
      // A record too short to tell: every known quarter (after the ramp) is under the bar but there are
      // fewer than the run needs, and the rep has (or, without a start date, may have) sold past the ramp
      // for quarters not on record. A VP would not call that rep fine: the missing quarters are unknown,
      // so the check earns nothing until they are known (cutting a record must never clear a rep).
      const afterRamp = start === undefined ? undefined : Math.max(0, Math.floor((monthsBetween(start, date) - rampMonths) / 3));
      const short = att !== undefined && runHi < quarters && run === len && (afterRamp === undefined || afterRamp > len);
      // lagging: true (sure), false (sure not), undefined (turns on what is unknown).
      const lagging = att === undefined ? undefined : runLo >= quarters ? true : runHi >= quarters || short ? undefined : false;
      const performing = att !== undefined && len > 0 && att[len - 1]! >= pct;

      const typed = (actions ?? []).map((a, j) => ({ a, j }));
      const cuts = typed.filter(({ a }) => a.action === 'pay_cut');
      const untyped = typed.filter(({ a }) => a.action === undefined);
      const released = typed.some(({ a }) => a.action === 'release');
      // Coaching or a plan: managing while inside the decision window; past it, stalled.
      const managing = typed.filter(({ a }) => a.action === 'improvement_plan' || a.action === 'coaching');
      const dateOf = ({ j }: (typeof typed)[number]) => actionDate.get(`people[${i}].actions[${j}].date`);
      const inWindow = managing.some((m) => dateOf(m) !== undefined && daysBetween(dateOf(m)!, date) <= decisionDays);
      const undated = managing.filter((m) => dateOf(m) === undefined);
      const actionsOpen = actions === undefined || untyped.length > 0;
      // How well an underperformer is managed.
      const managed: Range = released || inWindow ? [1, 1] : actionsOpen || undated.length ? [0, 1] : [0, 0];
      const unknownFacts = [
        ...(att === undefined ? [`people[${i}].attainment`] : []),
        ...(short ? [`people[${i}].attainment`] : []),
        ...(lagging === undefined && att !== undefined && (!short || start === undefined) ? [startPath] : []),
        ...(actions === undefined ? [`people[${i}].actions`] : untyped.map(({ j }) => `people[${i}].actions[${j}].action`)),
        ...(released || inWindow ? [] : undated.map(({ j }) => `people[${i}].actions[${j}].date`)),
      ];

      // Still ramping: not judged on quota yet (coaching or a decision still counts as managing).
      if (start !== undefined && monthsBetween(start, date) < rampMonths) {
        // Only a certain rep earns for it: for one who may not sell, the check is known not to apply either way.
        checks.push((released || inWindow) && rep.certain ? repCheck(rep, id, 1) : { id, notApplicable: `${name} started on ${start} and is still ramping up` });
        return;
      }
      const underperforming = lagging === true || (cuts.length > 0 && !performing);
      if (!underperforming) {
        // Under management against a deadline, or let go: in scope and managed.
        // A rep who may not sell and is known not to underperform: nothing to judge (an unknown never takes a check out of the count, so this one must not be in it).
        if (released || inWindow) checks.push(!rep.certain && lagging === false && (performing || !actionsOpen) ? { id, notApplicable: `${name} is not underperforming` } : repCheck(rep, id, 1));
        // Not known to underperform: not judged when the known facts say so, else open.
        else if (lagging === undefined || (actionsOpen && !performing)) {
          checks.push(repCheck(rep, id, [0, 1], unknownFacts));
          if (att === undefined || (short && len === 0)) noAttainment.push(rep);
          else if (short)
            findings.push(
              finding(
                'historyShort',
                [`people[${i}].attainment`],
                {
                  name,
                  pct,
                  known: len,
                  knownText: countOf(len, 'quarter'),
                  quarters,
                  quartersText: countOf(quarters, 'quarter'),
                  values: att!.map((v) => `${v}%`).join(', '),
                },
                { ...thresholds, note: true },
              ),
            );
          else if (lagging === undefined && att !== undefined)
            findings.push(finding('rampUnknown', [`people[${i}].attainment`, startPath], { name, pct, quarters: runHi, quartersText: lastQuarters(runHi) }, { ...thresholds, note: true }));
        } else checks.push({ id, notApplicable: `${name} is not underperforming` });
        return;
      }
      // The rep's check is their record: the role's written policy is judged in its own check (crediting it here
      // too would count it twice and reward a policy the record shows was not followed).
      checks.push(repCheck(rep, id, managed, unknownFacts));
      if (managed[1] === 1) {
        if (actions === undefined && lagging)
          findings.push(finding('actionsUnknown', [`people[${i}].attainment`], { name, pct, quarters: run, quartersText: lastQuarters(run) }, { ...thresholds, note: true }));
        return;
      }
      // Known not to be managed.
      payCuts ||= cuts.length > 0;
      const latest = managing.map((m) => ({ m, d: dateOf(m)! })).sort((x, y) => (x.d < y.d ? 1 : -1))[0];
      if (latest) {
        const action = latest.m.a.action === 'coaching' ? 'extra coaching' : 'an improvement plan';
        const days = daysBetween(latest.d, date);
        const path = `people[${i}].actions[${latest.m.j}]`;
        findings.push(
          finding(
            'stalled',
            [path, `people[${i}].attainment`],
            { name, action, since: latest.d, days, daysText: countOf(days, 'day'), decisionDays, pct },
            // The longest overdue first (the share of the time past the deadline).
            { thresholds: ['decisionDays', 'underperformancePct'], shortfall: days > 0 ? Math.max(0, 1 - decisionDays / days) : 0 },
          ),
        );
        steps.push(step('closePlan', { name, action: action.replace(/^an /, ''), since: latest.d, decisionDays }, [path]));
        return;
      }
      for (const { a, j } of cuts) {
        const known = dateOf({ a, j }) !== undefined;
        findings.push(finding('payCut', [`people[${i}].actions[${j}]`], { name, date: known ? a.date : undefined, when: known ? `on ${a.date}` : '(date not recorded)' }));
      }
      if (lagging) {
        findings.push(
          finding(
            'lowAttainment',
            [`people[${i}].attainment`, `people[${i}].actions`],
            {
              name,
              pct,
              quarters: run,
              quartersText: lastQuarters(run),
              values: att!
                .slice(-run)
                .map((v) => `${v}%`)
                .join(', '),
            },
            // The furthest under the bar first: how far the quarters in the run average under it.
            { ...thresholds, shortfall: pct > 0 ? Math.max(0, 1 - att!.slice(-run).reduce((a, v) => a + v, 0) / run / pct) : 0 },
          ),
        );
      }
      steps.push(step('decide', { name, decisionDays }, [lagging ? `people[${i}].attainment` : `people[${i}].actions`]));
    };
    for (const rep of reps) {
      const part = partTimeOf(rep);
      const mark: { checks: number; findings: number; steps: number; noAttainment: number; payCuts: boolean } = {
        checks: checks.length,
        findings: findings.length,
        steps: steps.length,
        noAttainment: noAttainment.length,
        payCuts,
      };
      judge(rep);
      if (!part) continue;
      // A part-time seller is judged as any rep, but a result known to count against them (an
      // underperformance known to be left unmanaged) is not held against them: their quota is a part
      // quota beside another job. Never below a full-time rep with the same record (partTimeOf).
      // Only a record known to earn nothing is excused, and only where the role policies are known and none
      // may cover them: a policy that covers them holds them to it as anyone, and with the
      // policies unknown one may (so that deleting a policy, or the list, never takes a check out of the count).
      const c = checks[mark.checks]!;
      if (c.notApplicable !== undefined || c.score === undefined) continue;
      const best = typeof c.score === 'number' ? c.score : c.score[1];
      if (best > 0 || policiesFor(refs, rep.p.title).refs.length > 0) continue;
      checks.length = mark.checks;
      findings.length = mark.findings;
      steps.length = mark.steps;
      noAttainment.length = mark.noAttainment;
      payCuts = mark.payCuts;
      if (org.policies === undefined) {
        // Whether a policy covers them is unknown: they may be excused or not, so the check earns nothing.
        checks.push({ id: `rep:${rep.name}`, score: [0, 1], unknown: ['policies'] });
        findings.push(finding('partTimePolicyUnknown', [part.path], { name: rep.name, why: part.why }, { note: true }));
      } else {
        checks.push({ id: `rep:${rep.name}`, notApplicable: `${rep.name} sells part-time` });
        findings.push(finding('partTime', [part.path], { name: rep.name, why: part.why }, { note: true }));
      }
    }
    checks.push(...unlisted(), ...policyCheck);
    findings.push(...unlistedNote());
    if (noAttainment.length) {
      findings.push(
        finding(
          'repsUnknown',
          noAttainment.map(({ i }) => `people[${i}].attainment`),
          {
            names: listNames(noAttainment.map(({ name }) => name)),
            has: noAttainment.length === 1 ? 'has' : 'have',
            them: noAttainment.length === 1 ? 'this rep' : 'these reps',
          },
          { note: true },
        ),
      );
    }
    if (checks.every((c) => c.notApplicable !== undefined)) return { notApplicable: 'No rep is underperforming after the ramp-up, or has had a pay cut.', findings };
    if (steps.length && payCuts) steps.push(step('stopPayCuts'));
    return { checks, findings, steps };
  },
});
