// Jackson, mistake 6: cutting a weak rep's pay in place of managing them.
import { countOf, defineRule, joinNames, options, repCheck, repsOf, threshold } from '../src/engine/define-rule';
import type { CheckOut } from '../src/engine/types';

const SOURCE_HOUSE = 'sales-audit default; no public benchmark cited';

const ACTION_LABEL = { pay_cut: 'pay cut', improvement_plan: 'improvement plan', coaching: 'extra coaching', release: 'release' } as const;
/** "the last quarter", "the last 3 quarters". */
const lastQuarters = (n: number) => (n === 1 ? 'the last quarter' : `the last ${countOf(n, 'quarter')}`);

export default defineRule({
  id: 'manage-not-pay-cut',
  title: 'Performance is managed, not priced',
  source: 'Jackson, mistake 6',
  category: 'people',
  severity: 'high',
  reads: ['people[].name', 'people[].is_rep', 'people[].attainment', 'people[].actions[].action', 'people[].actions[].date'],
  options: options({
    underperformancePct: threshold({
      default: 50, min: 0, max: 100,
      description: 'Quota attainment (%) under which a quarter counts as a poor one.',
      source: SOURCE_HOUSE,
    }),
    consecutiveQuarters: threshold({
      default: 3, min: 1, max: 20, whole: true,
      description: 'How many poor quarters in a row (the latest ones) make a rep an underperformer.',
      source: SOURCE_HOUSE,
    }),
  }),
  docs: {
    description:
      'Finds the reps who are underperforming (pay already cut, or several recent quarters far below quota) and checks that each is on an improvement plan or has been let go, rather than simply paid less. One check per rep; a rep known to be performing is not judged.',
    rationale:
      'A lower paycheque makes a weak rep look cheap, but the real bill is the territory nobody is working, the support effort spent on them and the effect on everyone else. Either coach the person back to standard against a deadline, or part ways early.',
  },
  messages: {
    payCut: '{name} had a pay cut {when} with no improvement plan or decision on record.',
    lowAttainment: '{name} has been under {pct}% of quota for {quartersText} ({values}) with no improvement plan or decision on record.',
    actionsUnknown: '{name} has been under {pct}% of quota for {quartersText}, but the actions taken are not known: {name} earns nothing until they are.',
    repsUnknown: '{names} {has} no quota attainment recorded: the score counts {them} as earning nothing until it is known.',
    futureDate: 'The {action} recorded for {name} is dated {value}, after the audit date ({auditDate}): check it.',
  },
  steps: {
    decide: {
      action: 'Decide on {name}: an improvement plan with clear targets and a deadline, or parting ways.',
      owner: 'Sales manager',
      effort: 'medium',
    },
    stopPayCuts: {
      action: 'Stop cutting pay as a way to deal with weak performance; handle it through improvement plans and decisions instead.',
      owner: 'CEO',
      effort: 'low',
    },
  },
  check({ org, options, date, finding, step }) {
    const { underperformancePct: pct, consecutiveQuarters: quarters } = options;
    if (org.people === undefined) return { notAssessed: ['people[].attainment', 'people[].actions'] };
    const reps = repsOf(org.people);
    if (!reps.length) return { notApplicable: 'No salespeople are listed.' };
    const findings: ReturnType<typeof finding>[] = [];
    // A date after the audit cannot be right: the action stands, its date counts as unknown.
    const futureDates = new Set<string>();
    for (const { p, i, name } of reps) {
      for (const [j, a] of (p.actions ?? []).entries()) {
        if (a.date === undefined || a.date <= date) continue;
        const path = `people[${i}].actions[${j}].date`;
        futureDates.add(path);
        findings.push(finding('futureDate', [path], { name, action: a.action ? ACTION_LABEL[a.action] : 'action', value: a.date, auditDate: date }, { note: true }));
      }
    }

    const checks: CheckOut[] = [];
    const steps: ReturnType<typeof step>[] = [];
    const noAttainment: typeof reps = [];
    let payCuts = false;
    for (const rep of reps) {
      const { p, i, name } = rep;
      const id = `rep:${name}`;
      const actions = p.actions;
      const att = p.attainment;
      const cuts = (actions ?? []).map((a, j) => ({ a, j })).filter(({ a }) => a.action === 'pay_cut');
      // An action of unknown kind could be a pay cut, or a plan.
      const untyped = (actions ?? []).map((a, j) => ({ a, j })).filter(({ a }) => a.action === undefined);
      const managed = (actions ?? []).some((a) => a.action === 'improvement_plan' || a.action === 'release');
      // The latest quarters below the threshold, counted back from the most recent.
      let run = 0;
      while (att && run < att.length && att[att.length - 1 - run]! < pct) run++;
      const lagging = att === undefined ? undefined : run >= quarters;
      // Known to be performing: the latest known quarter is at or above the bar.
      const performing = att !== undefined && att.length > 0 && att[att.length - 1]! >= pct;
      const actionsOpen = actions === undefined || untyped.length > 0;
      const unknownFacts = [...(att === undefined ? [`people[${i}].attainment`] : []), ...(actions === undefined ? [`people[${i}].actions`] : untyped.map(({ j }) => `people[${i}].actions[${j}].action`))];

      if (managed) {
        // On a plan or let go: managed, whatever the attainment.
        checks.push(repCheck(rep, id, 1));
        continue;
      }
      const underperforming = lagging === true || (cuts.length > 0 && !performing);
      if (!underperforming) {
        // Not known to underperform: not judged when the known facts say so, else open.
        const maybe = lagging === undefined || (actionsOpen && !performing);
        if (maybe) {
          checks.push(repCheck(rep, id, [0, 1], unknownFacts));
          if (att === undefined) noAttainment.push(rep);
        } else checks.push({ id, notApplicable: `${name} is not underperforming` });
        continue;
      }
      if (actionsOpen) {
        // Underperforming; whether it is managed is not known.
        checks.push(repCheck(rep, id, [0, 1], unknownFacts));
        if (att === undefined) noAttainment.push(rep);
        if (actions === undefined && lagging)
          findings.push(finding('actionsUnknown', [`people[${i}].attainment`], { name, pct, quarters: run, quartersText: lastQuarters(run) }, { thresholds: ['underperformancePct', 'consecutiveQuarters'], note: true }));
        continue;
      }
      checks.push(repCheck(rep, id, 0, unknownFacts));
      payCuts ||= cuts.length > 0;
      for (const { a, j } of cuts) {
        const known = a.date !== undefined && !futureDates.has(`people[${i}].actions[${j}].date`);
        findings.push(finding('payCut', [`people[${i}].actions[${j}]`], { name, date: known ? a.date : undefined, when: known ? `on ${a.date}` : '(date not recorded)' }));
      }
      if (lagging) {
        findings.push(
          finding('lowAttainment', [`people[${i}].attainment`, `people[${i}].actions`], { name, pct, quarters: run, quartersText: lastQuarters(run), values: att!.slice(-run).map((v) => `${v}%`).join(', ') }, { thresholds: ['underperformancePct', 'consecutiveQuarters'] }),
        );
      }
      steps.push(step('decide', { name }, [lagging ? `people[${i}].attainment` : `people[${i}].actions`]));
    }
    if (noAttainment.length) {
      findings.push(
        finding('repsUnknown', noAttainment.map(({ i }) => `people[${i}].attainment`), {
          names: joinNames(noAttainment.map(({ name }) => name)),
          has: noAttainment.length === 1 ? 'has' : 'have',
          them: noAttainment.length === 1 ? 'this rep' : 'these reps',
        }, { note: true }),
      );
    }
    if (checks.every((c) => c.notApplicable !== undefined)) return { notApplicable: 'No rep is underperforming or has had a pay cut.', findings };
    if (steps.length && payCuts) steps.push(step('stopPayCuts'));
    return { checks, findings, steps };
  },
});
