// Jackson, mistake 6: cutting a weak rep's pay in place of managing them.
import { countOf, daysBetween, defineRule, listNames, monthsBetween, options, partTimeOf, pastDate, repCheck, repsOf, threshold } from '../src/engine/define-rule';
import { POLICY_WEIGHT, policiesFor, policyRefs, worstOf } from '../src/engine/policies';
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
      "Finds the reps who are underperforming once ramped up (pay already cut, or the latest quarters after the ramp well below quota) and checks that each is being managed against a deadline: extra coaching or an improvement plan started within the decision window, or a decision (let go). A plan or coaching past the window with no decision counts as not managed. One check per rep; a rep known to perform, or still ramping, is not judged; nor, where their record would count against them, is a part-time seller (a selling CEO or a manager who also sells: a selling share under 100%, or people reporting to them), whose quota is not a full-time rep's, unless a role policy covers them (it then counts as for anyone); while the role policies are not recorded, that case earns nothing. A part-time seller is never scored below a full-time rep with the same record. Without a start date, only the quarters beyond the ramp are sure to count. A rep past the ramp whose known quarters are all under the bar, but fewer than the run needs (or none), is unknown for their check (earns nothing): a record too short to tell never clears them, and never makes the rule not applicable. A role policy (`policies:`) that handles underperformance by coaching or an improvement plan with a decision deadline within the window is intent: for an underperformer of that role it earns half, whatever their record shows (the record earns the rest; a record short of it is still a finding). Without a roster, nothing shows whether anyone underperforms: a policy earns nothing by itself. The written answer to underperformance is one check of its own beside the reps, whoever it is applied to today: a policy of pay cuts, with no steps, or with a deadline past the window fails it (a finding, with or without a roster); with the policies not recorded (`policies:` missing; `[]` says there are none), or a policy's terms for underperformance not recorded, it is unknown (earns nothing); policies known to be sound add no check.",
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
    policyTermsUnknown: 'The policy for {who} does not record {what}: whether it answers underperformance soundly is unknown, and the score counts this as earning nothing until it does.',
    policyOnly: 'No roster is given: the policy for {who} ({terms}) says how underperformance would be handled, but not whether anyone underperforms: it earns nothing until a roster shows it.',
    policyCounts: '{name} is under the policy for {who} ({terms}): it counts at half, as intent, beside what is on record.',
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
    // Role policies: how each handles underperformance, in [0, 1] (half for managing steps without a
    // pay cut, half for a decision deadline within the window), and its own faults.
    const refs = policyRefs(org);
    const stepsPart = (p: Policy) => (p.underperformance?.length && !p.underperformance.includes('pay_cut') ? 1 : 0);
    const deadlinePart = (p: Policy) => (p.improvement_plan_deadline_days === undefined ? 0 : Math.min(1, decisionDays / p.improvement_plan_deadline_days));
    const policyScore = (p: Policy) => 0.5 * stepsPart(p) + 0.5 * deadlinePart(p);
    const termsOf = (p: Policy) =>
      [
        p.underperformance?.length ? p.underperformance.map((a) => ACTION_LABEL[a]).join(', then ') : undefined,
        p.improvement_plan_deadline_days === undefined ? undefined : `a decision within ${countOf(p.improvement_plan_deadline_days, 'day')}`,
      ]
        .filter((x) => x !== undefined)
        .join('; ') || 'no terms for underperformance';
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
    // the policy is wrong even with nobody under it yet). A faulty policy fails it; with `policies` not recorded
    // (`[]` says there is none), or a policy's terms for underperformance not recorded, it is unknown and earns
    // nothing; known sound policies add no check (they count as intent for underperformers below). One check
    // however many policies: deleting `policies` (one unknown check) never weighs less than the failures it hides.
    const policyCheck: CheckOut[] = [];
    if (org.policies === undefined) {
      policyCheck.push({ id: 'policies', score: [0, 1], unknown: ['policies'] });
      findings.push(finding('policiesUnknown', ['policies'], { decisionDays }, { note: true }));
    } else if (faulty.length) policyCheck.push({ id: 'policies', score: 0 });
    else {
      const open: string[] = [];
      for (const { policy: p, i, who } of refs) {
        const terms = p.underperformance === undefined;
        // A deadline matters where the policy may run coaching or a plan.
        const deadline = p.improvement_plan_deadline_days === undefined && (terms || p.underperformance!.some((a) => a === 'coaching' || a === 'improvement_plan'));
        if (!terms && !deadline) continue;
        const at = [...(terms ? [`policies[${i}].underperformance`] : []), ...(deadline ? [`policies[${i}].improvement_plan_deadline_days`] : [])];
        open.push(...at);
        const what = [terms ? 'what it does with a rep under quota' : undefined, deadline ? 'the deadline for a decision' : undefined].filter((x) => x !== undefined).join(' or ');
        findings.push(finding('policyTermsUnknown', at, { who, what }, { note: true }));
      }
      if (open.length) policyCheck.push({ id: 'policies', score: [0, 1], unknown: open });
    }
    if (org.people === undefined) {
      for (const { policy: p, i, who } of refs) findings.push(finding('policyOnly', [`policies[${i}]`], { who, terms: termsOf(p) }, { note: true }));
      // The roster stays unknown beside the policies' check (a faulty policy is a known failure).
      return { checks: [{ id: 'roster', score: [0, 1], unknown: ['people[].attainment', 'people[].actions'] }, ...policyCheck], findings, steps };
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
      // The role's policy counts for a known underperformer at half, whatever the record shows: the
      // record earns the rest (and a record short of it is still a finding).
      const under = policiesFor(refs, p.title);
      // Only for a rep known to underperform after the ramp: with the attainment unknown, or the start date
      // (the rep may still be ramping), a pay cut alone does not say so.
      const floor = lagging === true || (cuts.length > 0 && att !== undefined && start !== undefined) ? POLICY_WEIGHT * worstOf(under, policyScore) : 0;
      checks.push(repCheck(rep, id, [Math.max(managed[0], floor), Math.max(managed[1], floor)], unknownFacts));
      // Said only where true: for one who may not sell the check earns nothing until known (repCheck).
      if (floor > 0 && rep.certain && under.refs.length === 1 && !under.maybeNone) {
        const only = under.refs[0]!;
        findings.push(finding('policyCounts', [`policies[${only.i}]`], { name, who: only.who, terms: termsOf(only.policy) }, { note: true }));
      }
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
      // may cover them: a policy that covers them earns its half for them as for anyone, and with the
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
