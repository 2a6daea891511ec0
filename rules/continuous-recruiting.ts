// Jackson, mistake 9: recruiting only once a seat is empty.
import { openSellerRoles, rolesWithoutTerritory, sameSeat } from '../src/engine/open-seats';
import { countOf, daysBetween, defineRule, options, pastDate, repsOf, threshold } from '../src/engine/define-rule';
import { unlistedPeople } from '../src/engine/roster-gap';
import type { CheckOut } from '../src/engine/types';

const SOURCE_HRO =
  'house default, informed by HRO Today and WilsonHCG, "Open Sales Territories Mean Lost Revenue: What is the Real Cost of Your Sales Rep Turnover?", 2017: sales positions took 58.1 days to fill on average; a territory open longer than that is overdue';
const SOURCE_BENCH =
  "house default, informed by The Bridge Group's 2018 finding (reported by Xactly, '6 Sales Turnover Statistics You Need to Know', 2019) that a sales rep stays about 1.5 years on average: a team of four can expect a departure within months, so one ready candidate per four reps, and never fewer than one";
const SOURCE_BENCH_CAP =
  'house default (a sales-audit default; no study sets it), from how sales teams size a bench: a hiring manager keeps a short list of candidates warm for the seats expected to open, not a share of head count, so past a team of about twenty the bar stops growing with the team and the bench is judged against the departures last year\u2019s attrition says are coming (attritionMonths)';
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
  reads: [
    'recruiting.mode',
    'recruiting.bench',
    'recruiting.reps_left_last_12_months',
    'recruiting.open_territories[].name',
    'recruiting.open_territories[].opened_on',
    'recruiting.channels',
    'people[].is_rep',
    'people[].name',
    'people[].title',
    'people[].direct_reports',
    'people[].selling_share_pct',
    'leadership.reps_per_manager',
    'plan.ramped_reps',
    'roles[].title',
    'roles[].open',
    'roles[].opened_on',
    'roles[].carries_quota',
  ],
  options: options({
    maxOpenDays: threshold({
      default: 58,
      min: 0,
      max: 3650,
      whole: true,
      description: "Days a territory may stay open (a sales role's usual time to fill) before it is a finding.",
      source: SOURCE_HRO,
    }),
    repsPerCandidate: threshold({
      default: 4,
      min: 1,
      max: 100,
      whole: true,
      description: 'The bench should hold one ready candidate for every this many reps (at least one): the bar grows with the team.',
      source: SOURCE_BENCH,
    }),
    maxTeamBench: threshold({
      default: 5,
      min: 1,
      max: 1000,
      whole: true,
      description:
        'The most ready candidates the team-size bar asks for, however big the team: a 2,000-rep sales force is not asked for 500 candidates ready to call; its bench is judged against expected departures (attritionMonths) instead.',
      source: SOURCE_BENCH_CAP,
    }),
    attritionMonths: threshold({
      default: 6,
      min: 1,
      max: 24,
      whole: true,
      description: "The bench should cover the seats that last year's attrition says will open in this many months.",
      source:
        'house default, informed by HRO Today and WilsonHCG (2017: a sales position takes 58.1 days to fill on average): a candidate called today starts weeks later, so the bench must hold the next six months of departures, not the next two',
    }),
  }),
  docs: {
    description:
      "Three checks of equal weight: the company recruits salespeople even when no seat is open; it holds a bench of candidates it could call, judged against the size of the sales team (people a stated span or count implies but the roster leaves out may be reps: the bar could be that much higher; one per four reps by default, never fewer than one nor more than five: a bigger team loses people more often, so the bar is calibrated by team size, up to a short list a hiring manager can keep warm) and against attrition (the reps who left in the last 12 months, scaled to the next six months: half of the bench's weight each); and no territory has been open longer than a sales role usually takes to fill (a finding whether or not there is a bench; an open seller role is an open territory too, and a territory without its own opening date opened when its open role did; not applicable when no territory or seller role is open; while the roles are not given, or listed empty, the open seats are unknown and this check earns nothing unless a listed territory is already overdue). Hiring only on vacancy with an empty bench fails.",
    rationale:
      'Good reps are hard to find, and harder still when a territory is empty and the pressure to fill it leads to settling for a weak candidate. Steady interviewing and keeping in touch with strong people in the industry mean someone is ready when a seat opens, and teach you what competitors are doing.',
  },
  messages: {
    staleTerritory: 'The territory {quoted} has been open for {daysText} (more than {maxOpenDays}) and nobody is on the bench.',
    onVacancy: 'Salespeople are recruited only once a seat is open.',
    emptyBench: 'No qualified candidate is ready to call if a seat opens.',
    thinBench: '{benchText} on the bench for a team of {repsText} (the bar: {target}, one per {per} reps).',
    thinBenchCapped: '{benchText} on the bench for a team of {repsText} (the bar: {target}, one per {per} reps, at most {cap}).',
    staleWithBench: 'The territory {quoted} has been open for {daysText} (more than {maxOpenDays}) although {benchText} on the bench.',
    staleBenchUnknown: 'The territory {quoted} has been open for {daysText} (more than {maxOpenDays}); whether anyone is on the bench is not known.',
    attritionBench: '{leftText} left in the last 12 months: about {target} {seats} can be expected to open in the next {attritionMonths} months, and {benchText} on the bench.',
    teamUnknown: 'The bench ({benchText}) cannot be judged against the size of the sales team: who sells is not known.',
    openedUnknown: 'When the territory {quoted} opened is not known.',
    staleRole: 'The role {quoted} has been open for {daysText} (more than {maxOpenDays}), a territory nobody covers, and {benchWords}.',
    roleOpenedUnknown: 'The role {quoted} is open, a territory nobody covers, and when it opened is not known.',
    futureDate: 'The opening date of the territory {quoted} ({value}) is after the audit date ({auditDate}): check it.',
  },
  steps: {
    fillTerritory: {
      action: 'Fill the territory {quoted} (open {daysText}): agree a hiring deadline and work the bench and referrals now, without lowering the bar.',
      owner: 'Sales manager',
      effort: 'high',
    },
    standingPipeline: {
      action: 'Interview every month even with no seat open, and keep at least {targetText} ready to call.',
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
    const { maxOpenDays, repsPerCandidate: per, maxTeamBench: cap } = options;
    const bench = r.bench;
    const findings: ReturnType<typeof finding>[] = [];
    const steps: ReturnType<typeof step>[] = [];
    const checks: CheckOut[] = [];
    const benchText = (n: number) => `${countOf(n, 'candidate')} ${n === 1 ? 'is' : 'are'}`;

    // Mode: recruiting goes on when no seat is open.
    if (r.mode === undefined) checks.push({ id: 'mode', score: [0, 1], unknown: ['recruiting.mode'] });
    else checks.push({ id: 'mode', score: r.mode === 'continuous' ? 1 : 0 });
    if (r.mode === 'on_vacancy') findings.push(finding('onVacancy', ['recruiting.mode']));

    // Bench, against the team: one candidate per `per` reps, at least one, at most `cap`
    // (a big team's bench follows its expected departures, below). A
    // bench that is not empty earns half; the rest in proportion to the bar.
    // Who may sell but is not known to: the bar could be that much higher.
    const reps = repsOf(org.people);
    const sure = reps.filter((x) => x.certain).length;
    // People the stated counts imply but the roster leaves out may sell too: the bar could be that much higher (leaving reps off the list never lowers it).
    const gap = unlistedPeople(org);
    const target = (n: number) => Math.min(cap, Math.max(1, Math.ceil(n / per)));
    const benchScore = (b: number, t: number) => (b === 0 ? 0 : 0.5 + 0.5 * Math.min(1, b / t));
    const teamKnown = org.people !== undefined && reps.every((x) => x.certain);
    // The bench weighs half against team size, half against attrition.
    if (bench === undefined) checks.push({ id: 'bench', weight: 0.5, score: [0, 1], unknown: ['recruiting.bench'] });
    else if (bench === 0) checks.push({ id: 'bench', weight: 0.5, score: 0 });
    else if (org.people === undefined) checks.push({ id: 'bench', weight: 0.5, score: [0.5, 1], unknown: ['people'] });
    else
      checks.push({
        id: 'bench',
        weight: 0.5,
        score: [benchScore(bench, target(reps.length + (gap?.count ?? 0))), benchScore(bench, target(sure))],
        unknown: [...reps.filter((x) => !x.certain).map((x) => `people[${x.i}].is_rep`), ...(gap ? ['people'] : [])],
      });
    const bar = target(teamKnown ? sure : 0);
    const capped = Math.ceil(sure / per) > cap;
    if (bench === 0) findings.push(finding('emptyBench', ['recruiting.bench']));
    else if (bench !== undefined && teamKnown && bench < bar)
      findings.push(
        finding(
          capped ? 'thinBenchCapped' : 'thinBench',
          ['recruiting.bench', 'people'],
          { bench, benchText: benchText(bench), reps: sure, repsText: countOf(sure, 'rep'), target: bar, per, ...(capped ? { cap } : {}) },
          { thresholds: capped ? ['repsPerCandidate', 'maxTeamBench'] : ['repsPerCandidate'] },
        ),
      );
    else if (bench !== undefined && !teamKnown) findings.push(finding('teamUnknown', ['recruiting.bench', 'people'], { bench, benchText: countOf(bench, 'candidate') }, { note: true }));

    // Against attrition: the seats last year's departures say will open in the next months.
    const left = r.reps_left_last_12_months;
    const { attritionMonths } = options;
    const expected = left === undefined ? undefined : Math.ceil((left * attritionMonths) / 12);
    if (expected === 0) checks.push({ id: 'attrition', weight: 0.5, score: 1 });
    else if (expected === undefined || bench === undefined) {
      // Unknown departures could be any number; an empty bench covers none of them.
      checks.push({
        id: 'attrition',
        weight: 0.5,
        score: [0, 1],
        unknown: [...(left === undefined ? ['recruiting.reps_left_last_12_months'] : []), ...(bench === undefined ? ['recruiting.bench'] : [])],
      });
    } else {
      checks.push({ id: 'attrition', weight: 0.5, score: benchScore(bench, expected) });
      // An empty bench is its own finding (emptyBench); a thin one is judged against attrition here.
      if (bench > 0 && bench < expected)
        findings.push(
          finding(
            'attritionBench',
            ['recruiting.bench', 'recruiting.reps_left_last_12_months'],
            {
              left: left!,
              leftText: `${countOf(left!, 'rep')}`,
              target: expected,
              seats: expected === 1 ? 'seat' : 'seats',
              attritionMonths,
              bench,
              benchText: benchText(bench),
            },
            { thresholds: ['attritionMonths'], gap: 1 - bench / expected },
          ),
        );
    }

    // Open territories: none past the usual time to fill.
    const open = r.open_territories;
    let overdue = false;
    const undated: string[] = [];
    const sellerRoles = openSellerRoles(org);
    for (const [i, t] of (open ?? []).entries()) {
      const territory = t.name ?? `recruiting.open_territories[${i}]`;
      const quoted = t.name === undefined ? territory : `"${t.name}"`;
      // One seat (engine/open-seats.ts): a territory without its own date opened when its open role did.
      const role = t.opened_on === undefined ? sellerRoles.find((r) => r.opened_on !== undefined && sameSeat(t, r)) : undefined;
      const path = role ? `roles[${role.i}].opened_on` : `recruiting.open_territories[${i}].opened_on`;
      const openedOn = t.opened_on ?? role?.opened_on;
      if (openedOn === undefined) {
        undated.push(path);
        findings.push(finding('openedUnknown', [path], { territory, quoted }, { note: true }));
        continue;
      }
      // An opening date after the audit cannot be right: the territory's age counts as unknown.
      const opened = pastDate(openedOn, date, { finding, path, data: { territory, quoted }, to: findings });
      if (opened === undefined) {
        undated.push(path);
        continue;
      }
      const days = daysBetween(opened, date);
      if (days <= maxOpenDays) continue;
      overdue = true;
      const daysText = countOf(days, 'day');
      const data = { territory, quoted, days, daysText, maxOpenDays };
      const extra = { thresholds: ['maxOpenDays'] };
      if (bench === 0) findings.push(finding('staleTerritory', [path, 'recruiting.bench'], data, extra));
      else if (bench === undefined) findings.push(finding('staleBenchUnknown', [path, 'recruiting.bench'], data, extra));
      else findings.push(finding('staleWithBench', [path, 'recruiting.bench'], { ...data, bench, benchText: benchText(bench) }, extra));
      steps.push(step('fillTerritory', { territory, quoted, days, daysText }, [path]));
    }
    // An open seller role no listed territory names is an open territory too (engine/open-seats.ts): deleting the
    // territory from the list must not hide the seat.
    const roles = rolesWithoutTerritory(org);
    for (const role of roles) {
      const quoted = role.title === undefined ? `roles[${role.i}]` : `"${role.title}"`;
      const path = `roles[${role.i}].opened_on`;
      const opened = pastDate(role.opened_on, date);
      if (opened === undefined) {
        undated.push(path);
        findings.push(finding('roleOpenedUnknown', [`roles[${role.i}].open`], { quoted }, { note: true }));
        continue;
      }
      const days = daysBetween(opened, date);
      if (days <= maxOpenDays) continue;
      overdue = true;
      const daysText = countOf(days, 'day');
      const benchWords = bench === 0 ? 'nobody is on the bench' : bench === undefined ? 'whether anyone is on the bench is not known' : `${benchText(bench)} on the bench`;
      findings.push(finding('staleRole', [path, 'recruiting.bench'], { quoted, days, daysText, maxOpenDays, benchWords }, { thresholds: ['maxOpenDays'] }));
      steps.push(step('fillTerritory', { territory: role.title ?? `roles[${role.i}]`, quoted, days, daysText }, [path]));
    }
    // With the roles not given (or an empty list), the open seats are unknown: an open role may be a territory
    // open too long, so deleting the roles never clears the check (only a seat known to be overdue settles it).
    const rolesUnknown = !org.roles?.length;
    if (overdue) checks.push({ id: 'territories', score: 0 });
    else if (open === undefined || rolesUnknown)
      checks.push({ id: 'territories', score: [0, 1], unknown: [...(open === undefined ? ['recruiting.open_territories'] : []), ...(rolesUnknown ? ['roles'] : []), ...undated] });
    else if (!open.length && !roles.length) checks.push({ id: 'territories', notApplicable: 'No territory is open.' });
    else checks.push({ id: 'territories', score: undated.length ? [0, 1] : 1, unknown: undated });

    const need = Math.max(bar, expected ?? 0);
    const short = r.mode === 'on_vacancy' || (bench !== undefined && (bench === 0 || (teamKnown && bench < bar) || (expected !== undefined && bench < expected)));
    if (short) steps.push(step('standingPipeline', { target: need, targetText: countOf(need, 'qualified candidate') }, [r.mode === 'on_vacancy' ? 'recruiting.mode' : 'recruiting.bench']));
    if ((short || overdue) && r.channels !== undefined) {
      const have = new Set(r.channels);
      const missing = (Object.keys(ARTICLE_CHANNELS) as (keyof typeof ARTICLE_CHANNELS)[]).filter((c) => c !== 'competitor_talent' && !have.has(c));
      if (missing.length) steps.push(step('channels', { channels: missing.map((c) => ARTICLE_CHANNELS[c]).join(', ') }, ['recruiting.channels']));
      if (!have.has('competitor_talent')) steps.push(step('courtList', {}, ['recruiting.channels']));
    }
    return { checks, findings, steps };
  },
});
