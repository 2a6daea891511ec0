// Jackson, introduction: small companies often hand sales management to a CEO
// whose expertise is the product; get someone who knows the job, or outside help.
import { countOf, defineRule, monthsBetween, options, threshold } from '../src/engine/define-rule';

type Pick = <V>(path: string, value: V | undefined, worst: V, best: V) => V;

/**
 * A score with every unknown fact at its worst and at its best (the check earns
 * the worst: an unknown earns nothing), and the unknown facts that move it.
 */
function settle(run: (pick: Pick) => number): { score: [number, number]; unknown: string[] } {
  const seen: string[] = [];
  const at = (bestOf: (path: string) => boolean) =>
    run((path, value, w, b) => {
      if (value !== undefined) return value;
      if (!seen.includes(path)) seen.push(path);
      return bestOf(path) ? b : w;
    });
  const lo = at(() => false);
  const hi = at(() => true);
  return { score: [lo, hi], unknown: hi > lo ? seen.filter((f) => at((x) => x === f) > lo || at((x) => x !== f) < hi) : [] };
}

const SOURCE_SBI = 'Sales Benchmark Index, quoted in Jackson (introduction), 2012: a new sales leader lasts 19 months on average';

type Who = 'ceo' | 'founder' | 'sales_manager' | 'nobody';

// The score for each situation. Tri-state facts are resolved before this is called.
function scoreOf(who: Who, experienced: boolean, helped: boolean): number {
  if (who === 'nobody') return 0;
  if (who === 'sales_manager') return experienced ? 1 : helped ? 0.8 : 0.5;
  // A CEO or founder running sales: never a pass, however well supported.
  if (experienced) return helped ? 0.8 : 0.5;
  return helped ? 0.6 : 0;
}

const WHO_LABEL: Record<Exclude<Who, 'nobody' | 'sales_manager'>, string> = { ceo: 'the CEO', founder: 'a founder' };

export default defineRule({
  id: 'sales-leadership',
  title: 'Someone who knows sales management runs sales',
  source: 'Jackson, introduction',
  category: 'leadership',
  severity: 'high',
  reads: ['leadership.sales_managed_by', 'leadership.manager_experience_years', 'leadership.outside_help', 'leadership.leader_since'],
  requires: ['leadership.sales_managed_by'],
  options: options({
    shortTenureMonths: threshold({
      default: 19, min: 0, max: 240, whole: true,
      description: 'Months in the role under which the sales leader\u2019s tenure is flagged as a continuity risk (a note, not a failure).',
      source: SOURCE_SBI,
    }),
  }),
  docs: {
    description:
      'Checks who manages the salespeople, whether that person has managed a sales team before, and whether they lean on outside help (an advisor, coach, fractional leader, training or reading). A sales leader new in the role is noted as a continuity risk.',
    rationale:
      'Running a sales team is its own trade. When it falls by default to a CEO or founder whose strength is the product, or to nobody, the team drifts; an experienced manager, or at least outside guidance and a deliberate learning plan, closes that gap. Scores: an experienced dedicated manager 1; a dedicated manager new to the job 0.8 with outside help, 0.5 without; a CEO or founder 0.8 with experience and help, 0.6 with help only, 0.5 with experience only, 0 with neither; nobody 0.',
  },
  messages: {
    nobody: 'Nobody in particular manages the salespeople.',
    ownerNotDedicated: 'Sales is managed by {who} rather than by a dedicated sales manager.',
    noExperience: 'The person running sales has no prior experience managing salespeople.',
    noOutsideHelp: 'The person running sales uses no outside help (advisor, coach, fractional leader, training or reading).',
    shortTenure: 'The current sales leader has been in the role for {monthsText} (under {shortTenureMonths}): a risk to continuity.',
    futureDate: 'The date the sales leader took the role ({value}) is after the audit date ({auditDate}): check it.',
  },
  steps: {
    nameManager: {
      action: 'Name one person accountable for managing the sales team, preferably someone who has managed salespeople before.',
      owner: 'CEO',
      effort: 'high',
    },
    outsideHelp: {
      action: 'Until an experienced sales manager is in place, bring in outside help: a sales advisor or a fractional sales leader.',
      owner: 'CEO',
      effort: 'medium',
    },
    learningPlan: {
      action: 'Set a sales-management learning plan for whoever runs sales: training, a coach, and regular reading, reviewed each quarter.',
      owner: 'CEO',
      effort: 'low',
    },
  },
  check({ org, options, date, finding, step }) {
    const l = org.leadership ?? {};
    const who = l.sales_managed_by!;
    const years = l.manager_experience_years;
    const help = l.outside_help?.filter((h) => h !== 'none');
    // undefined = unknown; an empty list (or only "none") = no outside help.
    const experienced = years === undefined ? undefined : years > 0;
    const helped = help === undefined ? undefined : help.length > 0;

    // A start date after the audit cannot be right: it counts as unknown, with a note to check it.
    const findings: ReturnType<typeof finding>[] = [];
    let since = l.leader_since;
    if (since !== undefined && since > date) {
      findings.push(finding('futureDate', ['leadership.leader_since'], { value: since, auditDate: date }, { note: true }));
      since = undefined;
    }

    // One check, the person running sales: an unknown fact earns nothing (taken
    // at its worst) and could reach its best once known.
    const s = settle((pick) => scoreOf(who, pick('leadership.manager_experience_years', experienced, false, true), pick('leadership.outside_help', helped, false, true)));
    const upTo = s.score[1];
    const check = { id: 'leadership:sales-leader', score: s.score, unknown: s.unknown };

    if (who === 'nobody') findings.push(finding('nobody', ['leadership.sales_managed_by']));
    if (who === 'ceo' || who === 'founder') findings.push(finding('ownerNotDedicated', ['leadership.sales_managed_by'], { who: WHO_LABEL[who] }));
    if (upTo < 1 && experienced === false) findings.push(finding('noExperience', ['leadership.manager_experience_years']));
    if (upTo < 1 && helped === false) findings.push(finding('noOutsideHelp', ['leadership.outside_help']));

    if (who !== 'nobody' && since !== undefined) {
      const months = monthsBetween(since, date);
      const monthsText = months < 1 ? 'less than a month' : countOf(months, 'month');
      if (months < options.shortTenureMonths)
        findings.push(finding('shortTenure', ['leadership.leader_since'], { months, monthsText, shortTenureMonths: options.shortTenureMonths }, { thresholds: ['shortTenureMonths'], note: true }));
    }

    if (upTo >= 1) return { checks: [check], findings, steps: [] };
    const steps: ReturnType<typeof step>[] = [];
    if (who !== 'sales_manager') steps.push(step('nameManager', {}, ['leadership.sales_managed_by']));
    if (helped === false || who === 'nobody') steps.push(step('outsideHelp', {}, [helped === false ? 'leadership.outside_help' : 'leadership.sales_managed_by']));
    if (who !== 'nobody') steps.push(step('learningPlan', {}, [experienced === false ? 'leadership.manager_experience_years' : 'leadership.sales_managed_by']));
    return { checks: [check], findings, steps };
  },
});
