import { describe, expect, it } from 'vitest';
import rule from '../../rules/role-title-fit';
import { expectOutcome, runRule } from '../helpers/rule-harness';

const ic = { open: false, carries_quota: true, direct_reports: 0, hiring_authority: false };
const ae = { title: 'Account Executive', ...ic };
const leader = { title: 'VP of Sales', open: false, carries_quota: false, direct_reports: 4, hiring_authority: true };
const icPaths = (i: number) => ['title', 'carries_quota', 'direct_reports', 'hiring_authority'].map((k) => `roles[${i}].${k}`);
const personPaths = (i: number) => ['title', 'is_rep', 'direct_reports', 'hiring_authority'].map((k) => `people[${i}].${k}`);

describe('role-title-fit', () => {
  it.each([
    { name: 'passes when titles match the job', org: { roles: [ae, leader] }, status: 'pass', score: 1, messages: [], paths: [], steps: [] },
    {
      name: 'fails for an executive title on an individual selling role',
      org: { roles: [ae, { ...ic, title: 'VP of Sales' }] },
      status: 'fail', score: 0, messages: ['execTitleIc'], paths: icPaths(1), steps: ['retitleRole', 'leaderMandate'],
    },
    {
      name: 'is partial for an open role without a role profile',
      org: { roles: [leader, { title: 'Account Executive', open: true, role_profile: false }] },
      status: 'partial', score: 0.5, messages: ['noRoleProfile'], paths: ['roles[1].role_profile'], steps: ['writeProfile'],
    },
    {
      name: 'passes for an open role with a role profile',
      org: { roles: [{ title: 'Account Executive', open: true, role_profile: true }] },
      status: 'pass', score: 1, messages: [], paths: [], steps: [],
    },
    {
      name: 'treats a role with an opening date as open',
      org: { roles: [{ title: 'Account Executive', opened_on: '2026-08-01', role_profile: false }] },
      status: 'partial', score: 0.5, messages: ['noRoleProfile'], paths: ['roles[0].role_profile'], steps: ['writeProfile'],
    },
    {
      name: 'fails an open mis-titled role with no profile, reporting both',
      org: { roles: [{ ...ic, title: 'Head of Sales', open: true, role_profile: false }] },
      status: 'fail', score: 0,
      messages: ['execTitleIc', 'noRoleProfile'],
      paths: [...icPaths(0), 'roles[0].role_profile'],
      steps: ['retitleRole', 'writeProfile', 'leaderMandate'],
    },
    {
      name: 'passes a player-coach VP who carries a quota and manages people',
      org: { roles: [{ ...ic, title: 'VP Sales', direct_reports: 2 }] },
      status: 'pass', score: 1, messages: [], paths: [], steps: [],
    },
    {
      name: 'passes a quota-carrying Head of Sales who has the budget to hire',
      org: { roles: [{ ...ic, title: 'Head of Sales', hiring_authority: true }] },
      status: 'pass', score: 1, messages: [], paths: [], steps: [],
    },
    {
      name: 'fails a person with an executive title who sells alone',
      org: { roles: [ae], people: [{ name: 'AE 1', title: 'Account Executive', is_rep: true }, { name: 'Sam', title: 'Sales Director', is_rep: true, direct_reports: 0, hiring_authority: false }] },
      status: 'fail', score: 0, messages: ['execTitleIcPerson'], paths: personPaths(1), steps: ['retitlePerson', 'leaderMandate'],
    },
    {
      name: 'names an unnamed person by position',
      org: { roles: [ae], people: [{ title: 'SVP, Sales', is_rep: true, direct_reports: 0, hiring_authority: false }] },
      status: 'fail', score: 0, messages: ['execTitleIcPerson'], paths: personPaths(0), steps: ['retitlePerson', 'leaderMandate'],
    },
    {
      name: 'leaves out, with a note, a person with an executive title when whether they sell is unknown',
      org: { roles: [ae], people: [{ name: 'Sam', title: 'Sales Director', direct_reports: 0, hiring_authority: false }] },
      status: 'pass', score: 1, messages: [], paths: ['people[0].is_rep'], steps: [],
    },
    {
      name: 'fails on a certain mismatch even when other facts are unknown',
      org: { roles: [{ ...ic, title: 'Chief Revenue Officer' }, { title: 'Sales Director', carries_quota: true }] },
      status: 'fail', score: 0, messages: ['execTitleIc'], paths: icPaths(0), steps: ['retitleRole', 'leaderMandate'],
    },
  ])('$name', ({ org, status, score, messages, paths, steps }) => {
    const r = runRule(rule, org);
    expectOutcome(r, { status, score, messages, paths, steps });
  });

  it.each(['VP of Sales', 'Sales VP', 'vp, sales', 'V.P. Sales', 'Vice President of Sales', 'Sales Vice-President', 'president (vice), sales', 'Head of Sales', 'sales HEAD', 'Sales Director', 'Director, Sales', 'Chief Revenue Officer', 'CRO', 'SVP Sales', 'evp revenue'])(
    'matches the executive title "%s"',
    (title) => {
      const r = runRule(rule, { roles: [{ ...ic, title }] });
      expect(r.status).toBe('fail');
      expect(r.messages).toEqual(['execTitleIc']);
    },
  );

  it.each(['Account Executive', 'Sales Representative', 'Business Development Manager', 'Headhunter', 'Directory Sales Rep', 'President'])('does not match "%s"', (title) => {
    const r = runRule(rule, { roles: [{ ...ic, title }] });
    expect(r.status).toBe('pass');
    expect(r.messages).toEqual([]);
  });

  it.each([
    { name: 'without roles or people', org: {}, missing: ['roles'] },
    { name: 'without roles, even when the people listed fit', org: { people: [{ title: 'Head of Sales', is_rep: false }] }, missing: ['roles'] },
    { name: 'when an executive role\u2019s reports are unknown', org: { roles: [{ title: 'Head of Sales', open: false, carries_quota: true, hiring_authority: false }] }, missing: ['roles[0].direct_reports'] },
    { name: 'when a selling role\u2019s title is unknown', org: { roles: [{ ...ic }] }, missing: ['roles[0].title'] },
    { name: 'when an open role\u2019s profile is unknown', org: { roles: [{ title: 'Account Executive', open: true }] }, missing: ['roles[0].role_profile'] },
    { name: 'when whether a role is open is unknown and it has no profile', org: { roles: [{ title: 'Account Executive', role_profile: false }] }, missing: ['roles[0].open'] },
    {
      name: 'when a person\u2019s reports are unknown and could turn a partial into a fail',
      org: { roles: [{ title: 'Account Executive', open: true, role_profile: false }], people: [{ name: 'Sam', title: 'VP Sales', is_rep: true, hiring_authority: false }] },
      missing: ['people[0].direct_reports'],
    },
  ])('is not assessed $name', ({ org, missing }) => {
    const r = runRule(rule, org);
    expect(r.status).toBe('not-assessed');
    expect(r.score).toBeNull();
    expect(r.missing).toEqual(missing);
  });

  it.each([
    {
      name: 'one seller with no title',
      people: [{ name: 'AE 1', title: 'Account Executive', is_rep: true }, { name: 'AE 2' }, { name: 'Ops', is_rep: false }],
      note: 'The title check covers 1 of 2 people: AE 2 has no title or selling role recorded.',
      paths: ['people[1].title'],
    },
    {
      name: 'an unnamed seller with no title and an executive whose selling is unknown',
      people: [{ name: 'AE 1', title: 'Account Executive', is_rep: true }, {}, { name: 'Sam', title: 'VP Sales' }],
      note: 'The title check covers 1 of 3 people: people[1] and Sam have no title or selling role recorded.',
      paths: ['people[1].title', 'people[2].is_rep'],
    },
  ])('notes the people whose title cannot be checked: $name', ({ people, note, paths }) => {
    const r = runRule(rule, { roles: [ae], people });
    expect(r.status).toBe('pass');
    expect(r.score).toBe(1);
    expect(r.notes.map((n) => [n.messageId, n.message])).toEqual([['peopleUnknown', note]]);
    expect(r.notes[0]!.evidence.map((e) => e.path)).toEqual(paths);
  });

  it.each([
    // The date alone said the role was open: with the date unknown, whether it needs a profile is unknown.
    { name: 'open only by its date', role: { title: ae.title, carries_quota: true, direct_reports: 0, hiring_authority: false, opened_on: '2027-01-05', role_profile: false }, status: 'not-assessed', score: null },
    { name: 'open by its own flag', role: { ...ae, open: true, opened_on: '2027-01-05', role_profile: false }, status: 'partial', score: 0.5 },
  ])('treats a role opened after the audit date as undated, with a note: $name', ({ role, status, score }) => {
    const r = runRule(rule, { roles: [role] });
    expect(r.status).toBe(status);
    expect(r.score).toBe(score);
    expect(r.notes.map((n) => [n.messageId, n.message, n.evidence[0]!.path])).toEqual([
      ['futureDate', `The opening date of the "${ae.title}" role (2027-01-05) is after the audit date (2026-11-27): check it.`, 'roles[0].opened_on'],
    ]);
  });
});
