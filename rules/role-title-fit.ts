// Jackson, mistake 1: an executive title on a bag-carrying job draws people who
// will not sell themselves and will ask to hire someone who does.
import { defineRule, joinNames } from '../src/engine/define-rule';
import { statusOf } from '../src/engine/scoring';

const EXEC_WORDS = new Set(['vp', 'head', 'director', 'chief', 'cro', 'svp', 'evp']);

/** True for an executive title (VP, Vice President, Head, Director, Chief, CRO, SVP, EVP), any case, any word order. */
function isExecutiveTitle(title: string): boolean {
  const words = title.toLowerCase().replace(/\./g, '').split(/[^a-z0-9]+/).filter(Boolean);
  return words.some((w) => EXEC_WORDS.has(w)) || (words.includes('vice') && words.includes('president'));
}

type Tri = boolean | undefined;
/** An item's best and worst possible scores, and the unknown facts that separate them. */
interface Item {
  best: number;
  worst: number;
  unknown: string[];
}

/**
 * Whether a job is an individual contributor: sells on a personal quota, has
 * nobody reporting to it and cannot hire. Any sign of a leader settles it as not.
 */
function individualContributor(quota: Tri, reports: number | undefined, hires: Tri, paths: [string, string, string]): { value: Tri; unknown: string[] } {
  if (quota === false || (reports !== undefined && reports > 0) || hires === true) return { value: false, unknown: [] };
  const unknown = [quota, reports, hires].map((v, k) => (v === undefined ? paths[k]! : '')).filter(Boolean);
  return { value: unknown.length ? undefined : true, unknown };
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
    'roles[].hiring_authority',
    'roles[].role_profile',
    'people[].name',
    'people[].title',
    'people[].is_rep',
    'people[].direct_reports',
    'people[].hiring_authority',
  ],
  docs: {
    description:
      'Looks for executive sales titles (VP, Vice President, Head, Director, Chief, CRO, SVP, EVP, in any case or word order) on roles and people that are really individual sellers: a personal quota, nobody reporting to them and no authority to hire. Also checks that every open role has a written profile of what the job needs and why it is worth taking.',
    rationale:
      'An executive title on a selling job attracts candidates who no longer want to sell themselves; once hired they wait for the budget to hire a seller. A title that says what the job is, and a clear profile of the need and the appeal of the role, attract the person who will actually do the work. Any mis-titled selling job fails the rule; an open role without a profile makes it partial (0.5).',
  },
  messages: {
    execTitleIc:
      'The "{title}" role has an executive title but is an individual selling job: a personal quota, nobody reporting to it and no authority to hire.',
    execTitleIcPerson:
      '{name} has the executive title "{title}" but sells alone: a personal quota, nobody reporting to them and no authority to hire.',
    noRoleProfile: 'The open "{title}" role has no written profile of what the job needs and why it is worth taking.',
    peopleUnknown: 'The title check covers {known} of {total} people: {names} {has} no title or selling role recorded.',
    futureDate: 'The opening date of the "{title}" role ({value}) is after the audit date ({auditDate}): check it.',
  },
  steps: {
    retitleRole: {
      action: 'Retitle the "{title}" role for the job it is, for example Account Executive or Sales Representative.',
      owner: 'CEO',
      effort: 'low',
    },
    retitlePerson: {
      action: 'Give {name} a title that matches the selling job ("{title}" today), for example Account Executive or Senior Sales Representative.',
      owner: 'CEO',
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
    const items: Item[] = [];
    let mismatches = 0;

    if (org.roles === undefined) items.push({ best: 1, worst: 0, unknown: ['roles'] });
    for (const [i, r] of (org.roles ?? []).entries()) {
      const at = (k: string) => `roles[${i}].${k}`;
      const title = r.title ?? `roles[${i}]`;
      const item: Item = { best: 1, worst: 1, unknown: [] };
      // The title: an executive title on an individual selling job.
      const exec: Tri = r.title === undefined ? undefined : isExecutiveTitle(r.title);
      if (exec !== false) {
        const ic = individualContributor(r.carries_quota, r.direct_reports, r.hiring_authority, [at('carries_quota'), at('direct_reports'), at('hiring_authority')]);
        if (exec && ic.value) {
          item.best = item.worst = 0;
          mismatches++;
          findings.push(finding('execTitleIc', [at('title'), at('carries_quota'), at('direct_reports'), at('hiring_authority')], { title }));
          steps.push(step('retitleRole', { title }, [at('title')]));
        } else if (ic.value !== false) {
          item.worst = 0;
          item.unknown.push(...(exec === undefined ? [at('title')] : []), ...ic.unknown);
        }
      }
      // The profile of an open role.
      // An opening date after the audit cannot be right: it counts as unknown, with a note to check it.
      const future = r.opened_on !== undefined && r.opened_on > date;
      if (future) findings.push(finding('futureDate', [at('opened_on')], { title, value: r.opened_on, auditDate: date }, { note: true }));
      const open: Tri = r.open ?? (r.opened_on !== undefined && !future ? true : undefined);
      if (open !== false && r.role_profile !== true) {
        if (open && r.role_profile === false) {
          item.best = Math.min(item.best, 0.5);
          item.worst = Math.min(item.worst, 0.5);
          findings.push(finding('noRoleProfile', [at('role_profile')], { title }));
          steps.push(step('writeProfile', { title }, [at('role_profile')]));
        } else {
          item.worst = Math.min(item.worst, 0.5);
          item.unknown.push(...(open === undefined ? [at('open')] : []), ...(r.role_profile === undefined ? [at('role_profile')] : []));
        }
      }
      items.push(item);
    }

    // People count when their title and whether they sell are known; a note names the others.
    const unchecked: { name: string; path: string }[] = [];
    let sellers = 0;
    for (const [i, p] of (org.people ?? []).entries()) {
      if (p.is_rep !== false) sellers++;
      const name = p.name ?? `people[${i}]`;
      if (p.title === undefined) {
        if (p.is_rep !== false) unchecked.push({ name, path: `people[${i}].title` });
        continue;
      }
      if (!isExecutiveTitle(p.title)) continue;
      if (p.is_rep === undefined) {
        unchecked.push({ name, path: `people[${i}].is_rep` });
        continue;
      }
      const at = (k: string) => `people[${i}].${k}`;
      const ic = individualContributor(p.is_rep, p.direct_reports, p.hiring_authority, [at('is_rep'), at('direct_reports'), at('hiring_authority')]);
      if (ic.value) {
        mismatches++;
        items.push({ best: 0, worst: 0, unknown: [] });
        findings.push(finding('execTitleIcPerson', [at('title'), at('is_rep'), at('direct_reports'), at('hiring_authority')], { name, title: p.title }));
        steps.push(step('retitlePerson', { name, title: p.title }, [at('title')]));
      } else {
        items.push({ best: 1, worst: ic.value === false ? 1 : 0, unknown: ic.unknown });
      }
    }

    if (unchecked.length) {
      findings.push(
        finding('peopleUnknown', unchecked.map((u) => u.path), {
          names: joinNames(unchecked.map((u) => u.name)),
          has: unchecked.length === 1 ? 'has' : 'have',
          known: sellers - unchecked.length,
          total: sellers,
        }, { note: true }),
      );
    }
    if (!items.length) return { notAssessed: ['roles'], findings };
    const best = Math.min(...items.map((x) => x.best));
    const worst = Math.min(...items.map((x) => x.worst));
    // Unknown facts may not decide the status; when they don't, they deduct nothing.
    if (statusOf(best) !== statusOf(worst)) return { notAssessed: items.filter((x) => x.best !== x.worst).flatMap((x) => x.unknown), findings };
    if (mismatches) steps.push(step('leaderMandate'));
    return { score: best, findings, steps: best >= 1 ? [] : steps };
  },
});
