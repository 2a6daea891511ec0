// --redact: the report must work without personal data. Names of people and
// respondents are replaced by stable labels before the audit runs, so no
// renderer can leak them. The consultant's notes are free text that may name
// anyone (a first name, a nickname, someone not in the file): no list of names
// can clean them, so their text is withheld and only which sections had notes
// is kept.
import type { Org } from './schema';

/** What a note says under --redact. */
export const REDACTED_NOTE = 'withheld (--redact): notes are free text and may name people';

/** The org with people's and respondents' names replaced by labels, waiver owners and notes withheld. */
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
    responses: org.responses?.map((r) => (r.respondent ? { ...r, respondent: label(r.respondent) } : r)),
    waivers: org.waivers?.map((w) => ({ ...w, owner: 'redacted' })),
    notes: org.notes && Object.fromEntries(Object.entries(org.notes).map(([section, text]) => [section, text ? REDACTED_NOTE : text])),
  };
}
