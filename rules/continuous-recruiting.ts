// Jackson, mistake 9: recruiting only once a seat is empty.
import { bracket, countOf, daysBetween, defineRule, options, threshold } from '../src/engine/define-rule';

const SOURCE_HRO = 'HRO Today and WilsonHCG, "Open Sales Territories Mean Lost Revenue" study, 2017: average time to fill a sales role 58.1 days';
// The channels the article names; agencies are allowed but not asked for.
const ARTICLE_CHANNELS = {
  referrals: 'referrals',
  partners: 'business partners',
  professional_networks: 'professional networks and social media',
  competitor_talent: 'people at competitors and in the industry',
} as const;

export default defineRule({
  id: 'continuous-recruiting',
  title: 'Always recruiting',
  source: 'Jackson, mistake 9',
  category: 'people',
  severity: 'medium',
  reads: ['recruiting.mode', 'recruiting.bench', 'recruiting.open_territories[].name', 'recruiting.open_territories[].opened_on', 'recruiting.channels'],
  options: options({
    maxOpenDays: threshold({
      default: 58, min: 0, max: 3650, whole: true,
      description: 'Days a territory may stay open before an empty bench makes the rule fail.',
      source: SOURCE_HRO,
    }),
  }),
  docs: {
    description:
      'Checks that the company keeps recruiting salespeople when no seat is open, holds a bench of candidates it could call, and has no territory left open for longer than a sales role usually takes to fill.',
    rationale:
      'Good reps are hard to find, and harder still when a territory is empty and the pressure to fill it leads to settling for a weak candidate. Steady interviewing and keeping in touch with strong people in the industry mean someone is ready when a seat opens, and teach you what competitors are doing.',
  },
  messages: {
    staleTerritory: 'The territory {quoted} has been open for {daysText} (more than {maxOpenDays}) and nobody is on the bench.',
    onVacancy: 'Salespeople are recruited only once a seat is open.',
    emptyBench: 'No qualified candidate is ready to call if a seat opens.',
    staleWithBench: 'The territory {quoted} has been open for {daysText} (more than {maxOpenDays}) although {benchText} on the bench.',
    staleBenchUnknown: 'The territory {quoted} has been open for {daysText} (more than {maxOpenDays}); whether anyone is on the bench is not known.',
    openedUnknown: 'When the territory {quoted} opened is not known.',
    futureDate: 'The opening date of the territory {quoted} ({value}) is after the audit date ({auditDate}): check it.',
  },
  steps: {
    fillTerritory: {
      action: 'Fill the territory {quoted} (open {daysText}): agree a hiring deadline and work the bench and referrals now, without lowering the bar.',
      owner: 'Sales manager',
      effort: 'high',
    },
    standingPipeline: {
      action: 'Interview every month even with no seat open, and keep a standing pipeline target (for example two qualified candidates per seat).',
      owner: 'Sales manager',
      effort: 'medium',
    },
    channels: { action: 'Add these recruiting channels: {channels}.', owner: 'HR', effort: 'low' },
    courtList: {
      action: 'Keep a list of strong salespeople at competitors and in the industry, and stay in touch with each of them.',
      owner: 'Sales manager',
      effort: 'low',
    },
  },
  check({ org, options, date, finding, step }) {
    const r = org.recruiting ?? {};
    const { maxOpenDays } = options;
    const bench = r.bench;
    const findings: ReturnType<typeof finding>[] = [];
    const steps: ReturnType<typeof step>[] = [];

    let stale = false;
    let overdue = false;
    for (const [i, t] of (r.open_territories ?? []).entries()) {
      const territory = t.name ?? `recruiting.open_territories[${i}]`;
      const quoted = t.name === undefined ? territory : `"${t.name}"`;
      const path = `recruiting.open_territories[${i}].opened_on`;
      if (t.opened_on === undefined) {
        findings.push(finding('openedUnknown', [path], { territory, quoted }, { note: true }));
        continue;
      }
      // An opening date after the audit cannot be right: the territory's age counts as unknown.
      if (t.opened_on > date) {
        findings.push(finding('futureDate', [path], { territory, quoted, value: t.opened_on, auditDate: date }, { note: true }));
        continue;
      }
      const days = daysBetween(t.opened_on, date);
      if (days <= maxOpenDays) continue;
      const daysText = countOf(days, 'day');
      const data = { territory, quoted, days, daysText, maxOpenDays };
      overdue = true;
      if (bench === 0) {
        stale = true;
        findings.push(finding('staleTerritory', [path, 'recruiting.bench'], data, { thresholds: ['maxOpenDays'] }));
      } else if (bench === undefined) {
        findings.push(finding('staleBenchUnknown', [path, 'recruiting.bench'], data, { thresholds: ['maxOpenDays'], note: true }));
      } else {
        findings.push(finding('staleWithBench', [path, 'recruiting.bench'], { ...data, bench, benchText: `${countOf(bench, 'candidate')} ${bench === 1 ? 'is' : 'are'}` }, { thresholds: ['maxOpenDays'], note: true }));
      }
      steps.push(step('fillTerritory', { territory, quoted, days, daysText }, [path]));
    }

    // One check, bracketed over what is unknown: the mode, the bench, and the
    // age of any territory whose opening date is unknown (or an open list not given).
    const ageUnknown = r.open_territories === undefined || (r.open_territories ?? []).some((t) => t.opened_on === undefined || t.opened_on > date);
    const unknown = [
      ...(r.mode === undefined ? ['recruiting.mode'] : []),
      ...(bench === undefined ? ['recruiting.bench'] : []),
      // A territory's age matters only while the bench may be empty.
      ...(bench !== undefined && bench > 0
        ? []
        : r.open_territories === undefined
        ? ['recruiting.open_territories']
        : (r.open_territories ?? []).flatMap((t, i) => (t.opened_on === undefined || t.opened_on > date ? [`recruiting.open_territories[${i}].opened_on`] : []))),
    ];
    const score = bracket((pick) => {
      const b = pick(bench, 0, 1);
      if ((overdue || pick(ageUnknown ? undefined : false, true, false)) && b === 0) return 0;
      if (pick(r.mode, 'on_vacancy', 'continuous') === 'on_vacancy') return 0.5;
      return b > 0 ? 1 : 0.7;
    });
    if (r.mode === 'on_vacancy') findings.push(finding('onVacancy', ['recruiting.mode']));
    if (bench === 0 && !stale) findings.push(finding('emptyBench', ['recruiting.bench']));
    if (r.mode === 'on_vacancy' || bench === 0) steps.push(step('standingPipeline', {}, [r.mode === 'on_vacancy' ? 'recruiting.mode' : 'recruiting.bench']));
    if (steps.length && r.channels !== undefined) {
      const have = new Set(r.channels);
      const missing = (Object.keys(ARTICLE_CHANNELS) as (keyof typeof ARTICLE_CHANNELS)[]).filter((c) => c !== 'competitor_talent' && !have.has(c));
      if (missing.length) steps.push(step('channels', { channels: missing.map((c) => ARTICLE_CHANNELS[c]).join(', ') }, ['recruiting.channels']));
      if (!have.has('competitor_talent')) steps.push(step('courtList', {}, ['recruiting.channels']));
    }
    return { checks: [{ id: 'recruiting', score, unknown }], findings, steps };
  },
});
