// Jackson, mistake 6: cutting a weak rep's pay in place of managing them.
import { countOf, defineRule, joinNames, options, threshold } from '../src/engine/define-rule';

// RULES.md (rule 7) sets these two defaults without a public benchmark behind them.
const SOURCE_HOUSE = 'sales-audit default (RULES.md, rule 7); no public benchmark cited';

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
      'Finds the reps who are underperforming (pay already cut, or several recent quarters far below quota) and checks that each is on an improvement plan or has been let go, rather than simply paid less.',
    rationale:
      'A lower paycheque makes a weak rep look cheap, but the real bill is the territory nobody is working, the support effort spent on them and the effect on everyone else. Either coach the person back to standard against a deadline, or part ways early.',
  },
  messages: {
    payCut: '{name} had a pay cut {when} with no improvement plan or decision on record.',
    lowAttainment: '{name} has been under {pct}% of quota for {quartersText} ({values}) with no improvement plan or decision on record.',
    actionsUnknown: '{name} has been under {pct}% of quota for {quartersText}, but the actions taken are not known: {name} is left out of the score.',
    repsUnknown: '{names} {has} no quota attainment recorded: the score covers {known} of {total} reps.',
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
    const reps = (org.people ?? []).map((p, i) => ({ p, i, name: p.name ?? `people[${i}]` })).filter(({ p }) => p.is_rep !== false);
    const assessable = reps.filter(({ p }) => p.attainment?.length || p.actions?.some((a) => a.action === 'pay_cut'));
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
    if (!assessable.length) return { notAssessed: ['people[].attainment', 'people[].actions'], findings };
    const unassessed = reps.filter((r) => !assessable.includes(r));
    if (unassessed.length) {
      findings.push(
        finding('repsUnknown', unassessed.map(({ i }) => `people[${i}].attainment`), {
          names: joinNames(unassessed.map(({ name }) => name)),
          has: unassessed.length === 1 ? 'has' : 'have',
          known: assessable.length,
          total: reps.length,
        }, { note: true }),
      );
    }

    const steps: ReturnType<typeof step>[] = [];
    let managed = 0;
    let unmanaged = 0;
    let payCuts = false;
    const unknown: string[] = [];
    for (const { p, i, name } of assessable) {
      const actions = p.actions;
      const cuts = (actions ?? []).map((a, j) => ({ a, j })).filter(({ a }) => a.action === 'pay_cut');
      payCuts ||= cuts.length > 0;
      // The latest quarters below the threshold, counted back from the most recent.
      const att = p.attainment ?? [];
      let run = 0;
      while (run < att.length && att[att.length - 1 - run]! < pct) run++;
      const lagging = run >= quarters;
      if (!cuts.length && !lagging) continue;

      if (actions === undefined) {
        unknown.push(`people[${i}].actions`);
        findings.push(finding('actionsUnknown', [`people[${i}].attainment`], { name, pct, quarters: run, quartersText: lastQuarters(run) }, { thresholds: ['underperformancePct', 'consecutiveQuarters'], note: true }));
        continue;
      }
      if (actions.some((a) => a.action === 'improvement_plan' || a.action === 'release')) {
        managed++;
        continue;
      }
      unmanaged++;
      for (const { a, j } of cuts) {
        const known = a.date !== undefined && !futureDates.has(`people[${i}].actions[${j}].date`);
        findings.push(finding('payCut', [`people[${i}].actions[${j}]`], { name, date: known ? a.date : undefined, when: known ? `on ${a.date}` : '(date not recorded)' }));
      }
      if (lagging) {
        findings.push(
          finding('lowAttainment', [`people[${i}].attainment`, `people[${i}].actions`], { name, pct, quarters: run, quartersText: lastQuarters(run), values: att.slice(-run).map((v) => `${v}%`).join(', ') }, { thresholds: ['underperformancePct', 'consecutiveQuarters'] }),
        );
      }
      steps.push(step('decide', { name }, [lagging ? `people[${i}].attainment` : `people[${i}].actions`]));
    }
    // Every underperformer's actions are unknown: nothing can be scored.
    if (!managed && !unmanaged && unknown.length) return { notAssessed: unknown };
    const score = managed + unmanaged ? managed / (managed + unmanaged) : 1;
    if (score < 1 && payCuts) steps.push(step('stopPayCuts'));
    return { score, findings, steps: score >= 1 ? [] : steps };
  },
});
