// Jackson, mistake 1: an executive title on a bag-carrying job draws people who
// will not sell themselves and will ask to hire someone who does.
import { defineRule, listNames, pastDate, type PathPick, settle, unknownCheck } from '../src/engine/define-rule';
import { forAllReps, policyRefs } from '../src/engine/policies';
import { suggest } from '../src/load/diagnostics';
import { territoriesWithoutRole } from '../src/engine/open-seats';
import { unlistedPeople } from '../src/engine/roster-gap';
import type { CheckOut } from '../src/engine/types';

/** An open role without a written profile. */
const PROFILE_MISSING = 0.5;

// The words that mean executive on their own: VP, Chief, SVP, EVP, CRO, Head.
const EXEC_WORDS = new Set(['vp', 'svp', 'evp', 'avp', 'chief', 'cro', 'cco', 'head']);
// "Director" means executive only with a function it directs (Sales Director,
// Director of Sales) and not on an account: Account Director, Key Account
// Director and Client Director are standard individual-contributor titles.
const FUNCTION_WORDS = new Set(['sales', 'revenue', 'commercial', 'business', 'growth', 'partnerships', 'channel']);
const ACCOUNT_WORDS = new Set(['account', 'accounts', 'client', 'clients', 'customer', 'customers', 'partner', 'relationship']);

/**
 * True for an executive title, any case, any word order: VP, Vice President,
 * SVP, EVP, Chief, CRO or Head; or Director of a function (Sales Director,
 * Director of Sales, Director, Business Development), not of an account.
 */
export function isExecutiveTitle(title: string): boolean {
  const words = title
    .toLowerCase()
    .replace(/\./g, '')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  if (words.some((w) => EXEC_WORDS.has(w)) || (words.includes('vice') && words.includes('president'))) return true;
  return words.includes('director') && words.some((w) => FUNCTION_WORDS.has(w)) && !words.some((w) => ACCOUNT_WORDS.has(w));
}

type Tri = boolean | undefined;
/**
 * An executive title on an individual selling job: sells on a personal quota,
 * has nobody reporting to it and cannot hire. Any sign of a leader settles it
 * as not. Unknown facts are picked: worst is a mis-titled job.
 */
function misfit(pick: PathPick, title: string, exec: Tri, sells: [string, Tri], reports: [string, number | undefined], hires: [string, Tri]): boolean {
  return pick(title, exec, true, false) && pick(sells[0], sells[1], true, false) && pick(reports[0], reports[1], 0, 1) === 0 && !pick(hires[0], hires[1], false, true);
}

export default defineRule({
  id: 'role-title-fit',
  title: 'Titles match the job',
  source: 'Jackson, mistake 1',
  category: 'people',
  severity: 'high',
  reads: [
    'roles[].title',
    'roles[].open',
    'roles[].opened_on',
    'roles[].carries_quota',
    'roles[].direct_reports',
    'recruiting.open_territories[].name',
    'recruiting.open_territories[].opened_on',
    'roles[].hiring_authority',
    'roles[].role_profile',
    'people[].name',
    'people[].title',
    'people[].is_rep',
    'people[].direct_reports',
    'people[].selling_share_pct',
    'people[].hiring_authority',
    'policies[].applies_to',
    'leadership.reps_per_manager',
    'plan.ramped_reps',
  ],
  docs: {
    description:
      'Looks for executive sales titles (VP, Vice President, SVP, EVP, Chief, CRO, Head, or Director of a function such as Sales Director or Director of Sales, in any case or word order; not Account Director or Key Account Director, which are standard individual-contributor titles) on roles and people that are really individual sellers: a personal quota, nobody reporting to them and no authority to hire. Also checks that every open role has a written profile of what the job needs and why it is worth taking, and that every role policy (`policies:`) names a job title the file has (or all reps): a policy for a title no role or person has applies to nobody, a finding one level under the rule\'s with a "did you mean" suggestion.',
    rationale:
      'An executive title on a selling job attracts candidates who no longer want to sell themselves; once hired they wait for the budget to hire a seller. A title that says what the job is, and a clear profile of the need and the appeal of the role, attract the person who will actually do the work. Each role and each person is a check: a mis-titled selling job scores 0, an open role without a profile 0.5. The roles together weigh as much as the people together, so the score is the share of each that fits. Retitling someone is a people decision, so it is the CEO\u2019s with HR, and takes some care.',
  },
  messages: {
    execTitleIc: 'The "{title}" role has an executive title but is an individual selling job: a personal quota, nobody reporting to it and no authority to hire.',
    execTitleIcPerson: '{name} has the executive title "{title}" but sells alone: a personal quota, nobody reporting to them and no authority to hire.',
    policyNobody: 'The policy for {who} applies to nobody: no role or person in the file has the job title "{role}"{hint}.',
    policyNoRole: 'The policy for {who} names the job title "{role}", which no role in the file has{hint}; the people are not listed, so whether anyone holds it is unknown.',
    noRoleProfile: 'The open "{title}" role has no written profile of what the job needs and why it is worth taking.',
    unlisted: '{words}: for the {countText} not listed, whether the title fits the job is unknown; the score counts them as earning nothing until they are listed.',
    territoryNoRole:
      'The territory {quoted} is open, but no open role for it is listed: whether that role fits its title and has a written profile is unknown; the score counts it as earning nothing until the role is listed.',
    peopleUnknown: 'The title check is settled for {known} of {total} people: {names} {has} no title or selling role recorded, and the score counts {them} as earning nothing until known.',
    futureDate: 'The opening date of the "{title}" role ({value}) is after the audit date ({auditDate}): check it.',
  },
  steps: {
    retitleRole: {
      action: 'Retitle the "{title}" role for the job it is, for example Account Executive or Sales Representative, and agree the change with whoever holds it.',
      owner: 'CEO with HR',
      effort: 'medium',
    },
    retitlePerson: {
      action: 'Give {name} a title that matches the selling job ("{title}" today), for example Account Executive or Account Director, and agree the change with them.',
      owner: 'CEO with HR',
      effort: 'medium',
    },
    fixPolicyRole: {
      action: 'Correct the job title the policy for {who} applies to: {fix}.',
      owner: 'Sales manager',
      effort: 'low',
    },
    writeProfile: {
      action: 'Write a role profile for the open "{title}" role: what the job needs, and what makes it worth taking.',
      owner: 'Sales manager',
      effort: 'medium',
    },
    leaderMandate: {
      action: 'If a sales leader is truly what you need, give that role people to manage and a budget to hire them.',
      owner: 'CEO',
      effort: 'medium',
    },
  },
  check({ org, date, finding, step }) {
    const findings: ReturnType<typeof finding>[] = [];
    const steps: ReturnType<typeof step>[] = [];
    const checks: CheckOut[] = [];
    const ids = new Set<string>();
    // A stable id naming the subject; a second one of the same name gets its position.
    const idOf = (kind: 'role' | 'person', name: string, at: string) => {
      const id = ids.has(`${kind}:${name}`) ? `${kind}:${name} (${at})` : `${kind}:${name}`;
      ids.add(id);
      return id;
    };
    let mismatches = 0;
    // The roles found mis-titled, by title: a person holding one is the same fault, not a second finding.
    const misRoles = new Map<string, ReturnType<typeof finding>>();
    const titleKey = (t: string) => t.trim().toLowerCase();

    // One check per role: its title, and the profile of an open role. The roles
    // weigh as much together as the people do (so the score is the share of each
    // that fits, and an unknown list never weighs less than the list it hides).
    if (org.roles === undefined) checks.push(unknownCheck('roles', ['roles']));
    // An open territory is a role to fill (engine/open-seats.ts): one no open role covers counts as a role whose facts are unknown.
    const uncovered = territoriesWithoutRole(org);
    const roleWeight = 1 / ((org.roles?.length ?? 0) + uncovered.length);
    for (const [i, r] of (org.roles ?? []).entries()) {
      const at = (k: string) => `roles[${i}].${k}`;
      const title = r.title ?? `roles[${i}]`;
      const exec: Tri = r.title === undefined ? undefined : isExecutiveTitle(r.title);
      // An opening date after the audit cannot be right: it counts as unknown, with a note to check it.
      const opened = pastDate(r.opened_on, date, { finding, path: at('opened_on'), data: { title }, to: findings });
      const open: Tri = r.open ?? (opened !== undefined ? true : undefined);
      const mis = (pick: PathPick) => misfit(pick, at('title'), exec, [at('carries_quota'), r.carries_quota], [at('direct_reports'), r.direct_reports], [at('hiring_authority'), r.hiring_authority]);
      const noProfile = (pick: PathPick) => pick(at('open'), open, true, false) && !pick(at('role_profile'), r.role_profile, false, true);
      checks.push({ id: idOf('role', title, `roles[${i}]`), weight: roleWeight, ...settle((pick) => Math.min(mis(pick) ? 0 : 1, noProfile(pick) ? PROFILE_MISSING : 1)) });
      if (exec === true && r.carries_quota === true && r.direct_reports === 0 && r.hiring_authority === false) {
        mismatches++;
        const f = finding('execTitleIc', [at('title'), at('carries_quota'), at('direct_reports'), at('hiring_authority')], { title });
        findings.push(f);
        misRoles.set(titleKey(title), f);
        steps.push(step('retitleRole', { title }, [at('title')]));
      }
      if (open === true && r.role_profile === false) {
        findings.push(finding('noRoleProfile', [at('role_profile')], { title }));
        steps.push(step('writeProfile', { title }, [at('role_profile')]));
      }
    }

    for (const i of uncovered) {
      const name = org.recruiting!.open_territories![i]!.name;
      const quoted = name === undefined ? `recruiting.open_territories[${i}]` : `"${name}"`;
      checks.push({ id: idOf('role', `open territory ${quoted}`, `recruiting.open_territories[${i}]`), weight: roleWeight, score: [0, 1], unknown: ['roles'] });
      findings.push(finding('territoryNoRole', [`recruiting.open_territories[${i}]`], { quoted }, { note: true }));
    }

    // One check per person: an executive title on someone who sells alone.
    if (org.people === undefined) checks.push(unknownCheck('people', ['people']));
    const unchecked: { name: string; path: string }[] = [];
    // People the stated counts imply but the roster leaves out: their titles are unknown, each weighing as a listed person.
    const gap = unlistedPeople(org);
    const personWeight = 1 / ((org.people?.length ?? 0) + (gap?.count ?? 0));
    for (const [i, p] of (org.people ?? []).entries()) {
      const at = (k: string) => `people[${i}].${k}`;
      const name = p.name ?? `people[${i}]`;
      const exec: Tri = p.title === undefined ? undefined : isExecutiveTitle(p.title);
      const check = settle((pick) => (misfit(pick, at('title'), exec, [at('is_rep'), p.is_rep], [at('direct_reports'), p.direct_reports], [at('hiring_authority'), p.hiring_authority]) ? 0 : 1));
      checks.push({ id: idOf('person', name, `people[${i}]`), weight: personWeight, ...check });
      const blind = check.unknown.filter((u) => u === at('title') || u === at('is_rep'));
      if (blind.length) unchecked.push({ name, path: blind[0]! });
      if (exec === true && p.is_rep === true && p.direct_reports === 0 && p.hiring_authority === false) {
        // The holder of a mis-titled role: their title is evidence of the role's finding, retitled with it.
        const role = misRoles.get(titleKey(p.title!));
        if (role) {
          role.paths.push(at('title'));
          continue;
        }
        mismatches++;
        findings.push(finding('execTitleIcPerson', [at('title'), at('is_rep'), at('direct_reports'), at('hiring_authority')], { name, title: p.title }));
        steps.push(step('retitlePerson', { name, title: p.title }, [at('title')]));
      }
    }
    if (gap) {
      checks.push({ id: 'unlisted', weight: personWeight * gap.count, score: [0, 1], unknown: ['people'] });
      findings.push(finding('unlisted', gap.by, { words: gap.words, count: gap.count, countText: gap.count === 1 ? 'one' : String(gap.count) }, { note: true }));
    }
    if (unchecked.length) {
      const people = org.people ?? [];
      findings.push(
        finding(
          'peopleUnknown',
          unchecked.map((u) => u.path),
          {
            names: listNames(unchecked.map((u) => u.name)),
            has: unchecked.length === 1 ? 'has' : 'have',
            them: unchecked.length === 1 ? 'this person' : 'these people',
            known: people.length - unchecked.length,
            total: people.length,
          },
          { note: true },
        ),
      );
    }

    // A policy for a title nobody has (a typo: "Acount Executive") covers nobody. Judged only when
    // every title in the file is known: an unknown title might be the one it names.
    const titles = [...(org.roles ?? []).map((r) => r.title), ...(org.people ?? []).map((p) => p.title)];
    if ((org.roles !== undefined || org.people !== undefined) && titles.every((t) => t !== undefined)) {
      const known = [...new Set(titles.map((t) => t!.trim()))];
      const keys = new Set(known.map(titleKey));
      for (const { policy, i, who } of policyRefs(org)) {
        const role = policy.applies_to;
        if (role === undefined || forAllReps(role) || keys.has(titleKey(role))) continue;
        const s = suggest(role.trim(), known);
        const at = `policies[${i}].applies_to`;
        // gap 0: reported one level under the rule's severity (a mistake in the file, not in the organisation).
        // Without the roster (left out, or `people: []`, which counts as unknown) "applies to nobody" would be a verdict
        // drawn from an unknown: the roles alone are judged, and the finding says so.
        const message = org.people === undefined ? 'policyNoRole' : 'policyNobody';
        findings.push(finding(message, [at], { who, role: role.trim(), hint: s ? ` (did you mean "${s}"?)` : '' }, { gap: 0 }));
        steps.push(
          step(
            'fixPolicyRole',
            {
              who,
              fix: s
                ? `"${s}"`
                : `one of ${
                    listNames(
                      known.map((t) => `"${t}"`),
                      { last: ', ' },
                    ) || 'the titles in roles: or people:'
                  }, or all reps`,
            },
            [at],
          ),
        );
      }
    }

    if (!checks.length) return { notApplicable: 'No sales roles and no people are listed.', findings };
    if (mismatches) steps.push(step('leaderMandate'));
    return { checks, findings, steps };
  },
});
