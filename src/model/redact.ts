// --redact: the report must work without personal data. Names of people and
// respondents are replaced by stable labels before the audit runs, so no
// renderer can leak them.
import type { Org } from './schema';

export function redact(org: Org): Org {
  const respondents = new Map<string, string>();
  const label = (by: string) => {
    if (!respondents.has(by)) respondents.set(by, `Respondent ${respondents.size + 1}`);
    return respondents.get(by)!;
  };
  return {
    ...org,
    people: org.people?.map((p, i) => ({ ...p, name: `Person ${i + 1}` })),
    answers: org.answers && Object.fromEntries(Object.entries(org.answers).map(([k, a]) => [k, { ...a, by: label(a.by) }])),
    waivers: org.waivers?.map((w) => ({ ...w, owner: 'redacted' })),
  };
}
