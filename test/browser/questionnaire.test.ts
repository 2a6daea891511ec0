// The HTML questionnaire (`sales-audit questionnaire -o x.html`) in a real
// browser: Chromium as installed on the machine, driven by playwright-core,
// from file:// with every request outside file: refused. A respondent fills
// every kind of question (one choice, several, numbers with a unit and a
// trailing %, a date, a list of values, items added and removed, "don't know",
// "there are none", questions hidden by an earlier answer), saves, and the
// downloaded answers file holds exactly the answers a terminal respondent
// would give through `interview --answers` (the same values, each accepted by
// the answers-file reader). Also: the page's messages are the model's, no
// console error, no request, axe finds no serious or critical violation.
// Without a browser: one test says so and passes, unless SALES_AUDIT_REQUIRE_BROWSER=1.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Locator, Page } from 'playwright-core';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rules } from '../../rules/index';
import { coerce } from '../../src/interview/answers';
import { questionFor } from '../../src/interview/plan';
import { buildQuestionnaire, factPathOf, type Questionnaire } from '../../src/questionnaire/questions';
import { renderQuestionnaireHtml } from '../../src/questionnaire/html';
import { didNotRun, launchBrowser, systemBrowser } from '../helpers/browser';
import { ROOT } from '../report/helpers';

const found = systemBrowser();

interface Opened {
  page: Page;
  problems: string[];
  close: () => Promise<void>;
}

/** What the reader of an answers file would take from a value: the value coerced as `interview --answers` does. */
function asAnswersFileReads(key: string, value: unknown): unknown {
  if (value === 'unknown') return 'unknown';
  const q = questionFor(factPathOf(key));
  if (!q) throw new Error(`${key} is not a fact the interview asks`);
  if (q.kind === 'items') return value;
  const c = coerce(q, value);
  if (!c.ok) throw new Error(`${key}: ${c.message}`);
  return c.value;
}

if (!found.path) didNotRun('questionnaire browser tests', 'sales-audit questionnaire browser tests', found);
else {
  const browserPath = found.path;
  let browser: Browser;
  let dir: string;

  beforeAll(async () => {
    browser = await launchBrowser(browserPath);
    dir = mkdtempSync(join(tmpdir(), 'sales-audit-questionnaire-'));
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  async function open(qn: Questionnaire, name: string): Promise<Opened> {
    const file = join(dir, `${name}.html`);
    writeFileSync(file, renderQuestionnaireHtml(qn, '0.0.0-test'));
    const context = await browser.newContext({ viewport: { width: 1000, height: 1200 }, acceptDownloads: true });
    const problems: string[] = [];
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith('file:')) return route.continue();
      problems.push(`request to ${url}`);
      return route.abort();
    });
    const page = await context.newPage();
    page.on('request', (r) => {
      if (!r.url().startsWith('file:') && !r.url().startsWith('blob:')) problems.push(`request to ${r.url()}`);
    });
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('dialog', (d) => {
      problems.push(`dialog: ${d.message()}`);
      void d.dismiss();
    });
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    return { page, problems, close: () => context.close() };
  }

  /** A question by its field, directly in a scope (the form, or one list item). */
  const question = (scope: Locator, field: string) => scope.locator(`[data-field="${field}"]`).first();

  async function save(page: Page): Promise<{ text: string; name: string }> {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save answers' }).click()]);
    const path = await download.path();
    return { text: readFileSync(path, 'utf8'), name: download.suggestedFilename() };
  }

  async function axeViolations(page: Page) {
    // CDP evaluation is not subject to the page's CSP, so axe runs without weakening it.
    await page.evaluate(readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8'));
    const options = { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] }, resultTypes: ['violations'] };
    const result = (await page.evaluate(`axe.run(document, ${JSON.stringify(options)})`)) as { violations: { id: string; impact: string | null; help: string; nodes: unknown[] }[] };
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length }));
  }

  describe('management form: every kind of question', () => {
    // The answers as a consultant would write them in an answers file for `interview --answers`.
    const EXPECTED: Record<string, unknown> = {
      'leadership.sales_managed_by': 'sales_manager',
      'leadership.manager_experience_years': 4,
      'leadership.outside_help': ['coach', 'training'],
      'leadership.leader_since': '2025-03-01',
      'leadership.first_90_days_plan': 'unknown',
      'roles[0].title': 'Account executive',
      'roles[0].open': false,
      'roles[1].title': 'SDR',
      'roles[1].open': true,
      'roles[1].opened_on': '2026-10-01',
      'plan.documented': true,
      'plan.shared_with_reps': false,
      'plan.sales_target': 1200000,
      'process.win_rate_pct': 25,
      'process.forecast_accuracy_pct': 'unknown',
      'metrics.kpis': [],
      'people[0].name': 'Ana "AE" Ruiz',
      'people[0].is_rep': true,
      'people[0].attainment': [90, 75.5],
      'people[0].coaching.one_to_one': 'monthly',
      'people[0].coaching.hours_per_month': 2,
      'friction.none_reported': true,
      'marketing.function': 'none',
    };

    it('fills, checks, saves: the file holds the answers the terminal would give, nothing else', async () => {
      const qn = buildQuestionnaire(rules, { group: 'management' });
      const { page, problems, close } = await open(qn, 'management');
      try {
        const form = page.locator('#qf');
        await page.locator('#respondent-name').fill('Vera, VP Sales');
        const l = (f: string) => question(form, f);
        await l('leadership.sales_managed_by').getByLabel('A dedicated sales manager or leader').check();
        await l('leadership.manager_experience_years').locator('.ctl input').fill('4');
        await l('leadership.outside_help').locator('input[value=coach]').check();
        await l('leadership.outside_help').locator('input[value=training]').check();
        await l('leadership.leader_since').locator('.ctl input').fill('15.01.2026');
        await l('leadership.first_90_days_plan').getByLabel("Don't know").check();

        // A list of items: two roles, one added then removed in between; the second open role's date.
        const roles = l('roles');
        await roles.getByRole('button', { name: 'Add a role' }).click();
        await roles.getByRole('button', { name: 'Add a role' }).click();
        await roles.getByRole('button', { name: 'Add a role' }).click();
        const items = roles.locator(':scope > .ctl > .items > .item');
        await expect.poll(() => items.count()).toBe(3);
        await question(items.nth(0), 'title').locator('.ctl input').fill('Account executive');
        await question(items.nth(0), 'open').getByLabel('No', { exact: true }).check();
        await items.nth(1).getByRole('button', { name: 'Remove this role' }).click();
        await expect.poll(() => items.count()).toBe(2);
        await question(items.nth(1), 'title').locator('.ctl input').fill('SDR');
        // The opening date applies only to an open role: shown while "open" is unanswered, hidden by no.
        expect(await question(items.nth(1), 'opened_on').isVisible()).toBe(true);
        await question(items.nth(1), 'open').getByLabel('No', { exact: true }).check();
        expect(await question(items.nth(1), 'opened_on').isHidden()).toBe(true);
        await question(items.nth(1), 'open').getByLabel('Yes', { exact: true }).check();
        expect(await question(items.nth(1), 'opened_on').isVisible()).toBe(true);
        await question(items.nth(1), 'opened_on').locator('.ctl input').fill('2026-10-01');
        expect(await items.nth(1).locator('legend .n').first().textContent()).toBe('2');

        await l('plan.documented').getByLabel('Yes', { exact: true }).check();
        await l('plan.shared_with_reps').getByLabel('No', { exact: true }).check();
        await l('plan.sales_target').locator('.ctl input').fill('1200000');
        // "Don't know" sets the answer aside (disabled) until it is unticked.
        const accuracy = l('process.forecast_accuracy_pct');
        await accuracy.getByLabel("Don't know").check();
        expect(await accuracy.locator('.ctl input').isDisabled()).toBe(true);
        await accuracy.getByLabel("Don't know").uncheck();
        expect(await accuracy.locator('.ctl input').isEnabled()).toBe(true);
        await accuracy.getByLabel("Don't know").check();
        await l('metrics.kpis').getByLabel('There are none').check();
        expect(await l('metrics.kpis').getByRole('button', { name: 'Add a metric', includeHidden: true }).isHidden()).toBe(true);

        // A number out of range: the model's message, and nothing is saved.
        await l('process.win_rate_pct').locator('.ctl input').fill('150');
        await page.getByRole('button', { name: 'Save answers' }).click();
        const summary = page.locator('#summary');
        await expect.poll(() => summary.isVisible()).toBe(true);
        const readerSays = (path: string, v: unknown) => {
          const c = coerce(questionFor(path)!, v);
          return c.ok ? 'accepted' : c.message;
        };
        expect(await l('process.win_rate_pct').locator('.err').textContent()).toBe(readerSays('process.win_rate_pct', 150));
        expect(readerSays('process.win_rate_pct', 150)).toBe('expected a number from 0 to 100, got 150');
        expect(await summary.textContent()).toContain('expected a number from 0 to 100, got 150');
        // A whole number, and a list with one value out of range: the answers-file reader's words too.
        await l('leadership.leaders_last_3_years').locator('.ctl input').fill('2.5');
        await l('leadership.outside_help').locator('input[value=none]').check();
        await page.getByRole('button', { name: 'Save answers' }).click();
        expect(await l('leadership.leaders_last_3_years').locator('.err').textContent()).toBe(readerSays('leadership.leaders_last_3_years', 2.5));
        expect(await l('leadership.outside_help').locator('.err').textContent()).toBe(readerSays('leadership.outside_help', ['coach', 'training', 'none']));
        expect(await l('leadership.leader_since').locator('.err').textContent()).toBe(readerSays('leadership.leader_since', '15.01.2026'));
        await l('leadership.leader_since').locator('.ctl input').fill('2025-03-01');
        await l('leadership.leaders_last_3_years').locator('.ctl input').fill('');
        await l('leadership.outside_help').locator('input[value=none]').uncheck();
        // A percentage with its sign, as the terminal takes it.
        await l('process.win_rate_pct').locator('.ctl input').fill('25%');

        const people = l('people');
        await people.getByRole('button', { name: 'Add a person' }).click();
        const person = people.locator(':scope > .ctl > .items > .item').first();
        await question(person, 'name').locator('.ctl input').fill('Ana "AE" Ruiz');
        await question(person, 'is_rep').getByLabel('Yes', { exact: true }).check();
        await question(person, 'attainment').locator('.ctl input').fill('90, 2000');
        await page.getByRole('button', { name: 'Save answers' }).click();
        expect(await question(person, 'attainment').locator('.err').textContent()).toBe(readerSays('people[0].attainment', [90, 2000]));
        await question(person, 'attainment').locator('.ctl input').fill('90, 75.5%');
        await question(person, 'coaching.one_to_one').getByLabel('Monthly').check();
        await question(person, 'coaching.hours_per_month').locator('.ctl input').fill('2');

        await l('friction.none_reported').getByLabel('Yes', { exact: true }).check();
        // "Where do reps fight the company" applies only when friction is reported.
        expect(await l('friction.points').isHidden()).toBe(true);
        await l('marketing.function').getByLabel('Nobody').check();
        expect(await l('marketing.owns').isHidden()).toBe(true);

        const saved = await save(page);
        expect(saved.name).toBe('answers-management.yaml');
        const parsed = parse(saved.text) as Record<string, unknown>;
        expect(parsed.respondent).toEqual({ name: 'Vera, VP Sales', group: 'management' });
        const { respondent: _r, ...answers } = parsed;
        expect(answers).toEqual(EXPECTED);
        // Each value is what `interview --answers` reads from the same answer.
        for (const [k, v] of Object.entries(answers)) expect(asAnswersFileReads(k, v), k).toEqual(v);
        // The status says it was saved; no console error, no request.
        expect(await page.locator('#status').textContent()).toContain('Saved answers-management.yaml');
        expect(problems).toEqual([]);
      } finally {
        await close();
      }
    });

    it('the saved file, imported by `interview --answers`, sets the same facts as the same answers typed in an answers file', async () => {
      // The facts are compared without the respondent: block (the typed file is the consultant's own);
      // the file as saved, with it, is then imported as one respondent's answers.
      const qn = buildQuestionnaire(rules, { group: 'management' });
      const { page, close } = await open(qn, 'management-import');
      try {
        const form = page.locator('#qf');
        await question(form, 'plan.documented').getByLabel('Yes', { exact: true }).check();
        await question(form, 'plan.sales_target').locator('.ctl input').fill('500000');
        await question(form, 'process.win_rate_pct').locator('.ctl input').fill('30 %');
        await question(form, 'leadership.outside_help').locator('input[value=advisor]').check();
        const roles = question(form, 'roles');
        await roles.getByRole('button', { name: 'Add a role' }).click();
        await question(roles.locator('.item').first(), 'title').locator('.ctl input').fill('AE');
        await question(form, 'leadership.leader_since').getByLabel("Don't know").check();
        const savedText = (await save(page)).text;
        const saved = parse(savedText) as Record<string, unknown>;
        delete saved.respondent;
        const typed = 'plan.documented: true\nplan.sales_target: 500000\nprocess.win_rate_pct: 30\nleadership.outside_help: [advisor]\nroles[0].title: AE\nleadership.leader_since: unknown\n';
        const fromForm = join(dir, 'form.yaml');
        const fromTyped = join(dir, 'typed.yaml');
        writeFileSync(
          fromForm,
          Object.entries(saved)
            .map(([k, v]) => `${k}: ${JSON.stringify(v)}`)
            .join('\n')
            .replace(/: "unknown"/g, ': unknown') + '\n',
        );
        writeFileSync(fromTyped, typed);
        const run = (answers: string, org: string) =>
          spawnSync(process.execPath, [join(ROOT, 'bin/sales-audit.js'), 'interview', org, '--answers', answers, '--date', '2026-11-27', '--no-notes'], { encoding: 'utf8', cwd: dir });
        const a = run(fromForm, join(dir, 'org-form.yaml'));
        const b = run(fromTyped, join(dir, 'org-typed.yaml'));
        expect(a.stderr).not.toMatch(/error|invalid/i);
        expect([a.status, b.status]).toEqual([b.status, b.status]);
        const strip = (t: string) => t.replace(/org-(form|typed)\.yaml/g, 'org.yaml').replace(/(form|typed)\.yaml/g, 'answers.yaml');
        expect(strip(readFileSync(join(dir, 'org-form.yaml'), 'utf8'))).toBe(strip(readFileSync(join(dir, 'org-typed.yaml'), 'utf8')));
        expect(readFileSync(join(dir, 'org-form.yaml'), 'utf8')).toMatch(/win_rate_pct: 30/);
        // As saved, respondent: block and all: kept as that respondent's entry, the body untouched.
        writeFileSync(join(dir, 'raw.yaml'), savedText);
        const body = readFileSync(join(dir, 'org-typed.yaml'), 'utf8');
        writeFileSync(join(dir, 'org-raw.yaml'), body);
        const c = spawnSync(
          process.execPath,
          [join(ROOT, 'bin/sales-audit.js'), 'interview', join(dir, 'org-raw.yaml'), '--answers', join(dir, 'raw.yaml'), '--respondent', 'Vera, VP Sales', '--date', '2026-11-27', '--no-notes'],
          { encoding: 'utf8', cwd: dir },
        );
        expect(c.stderr).not.toMatch(/error|invalid|expected/i);
        expect(c.status).toBe(0);
        const org = readFileSync(join(dir, 'org-raw.yaml'), 'utf8');
        // Everything but the new entry is the file as it was.
        expect(org.replace(/^ {2}- respondent: Vera, VP Sales\n(?: {4}.*\n)+/m, '')).toBe(body);
        expect(org).toMatch(/^responses:.*\n {2}- respondent: Vera, VP Sales\n {4}group: management\n/m);
        expect(org).toMatch(/plan\.sales_target: 500000/);
      } finally {
        await close();
      }
    });

    it('no serious or critical accessibility violation, empty and with a list item open', async () => {
      const { page, problems, close } = await open(buildQuestionnaire(rules, { group: 'management' }), 'management-axe');
      try {
        await question(page.locator('#qf'), 'roles').getByRole('button', { name: 'Add a role' }).click();
        const violations = await axeViolations(page);
        expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
        expect(problems).toEqual([]);
      } finally {
        await close();
      }
    });

    it('is reachable by keyboard: Tab reaches an answer, Space picks it', async () => {
      const { page, close } = await open(buildQuestionnaire(rules, { group: 'reps', anonymous: true }), 'reps-keyboard');
      try {
        // Anonymous: no name field; the first control is the first question's first choice.
        expect(await page.locator('#respondent-name').count()).toBe(0);
        await page.keyboard.press('Tab');
        const focused = await page.evaluate('document.activeElement && document.activeElement.closest("[data-field]").getAttribute("data-field")');
        expect(focused).toBe('plan.shared_with_reps');
        await page.keyboard.press('Space');
        const saved = parse((await save(page)).text) as Record<string, unknown>;
        expect(saved).toEqual({ respondent: { group: 'reps', anonymous: true }, 'plan.shared_with_reps': true });
      } finally {
        await close();
      }
    });
  });

  describe('reps form', () => {
    it('a rep answers about themselves (self.) and the file holds no name when anonymous', async () => {
      const { page, problems, close } = await open(buildQuestionnaire(rules, { group: 'reps', anonymous: true }), 'reps');
      try {
        const form = page.locator('#qf');
        await question(form, 'self.selling_time_pct').locator('.ctl input').fill('0.3');
        await page.getByRole('button', { name: 'Save answers' }).click();
        // A fraction is refused as the terminal refuses it.
        expect(await question(form, 'self.selling_time_pct').locator('.err').textContent()).toBe('0.3 reads as 0.3 %; percentages are numbers from 0 to 100: write 30 for 30 %');
        await question(form, 'self.selling_time_pct').locator('.ctl input').fill('30');
        await question(form, 'self.coaching.plan').getByLabel('No plan').check();
        await question(form, 'self.coaching.one_to_one').getByLabel('Monthly').check();
        await question(form, 'tools.crm').locator('.ctl input').fill('HubSpot');
        const saved = parse((await save(page)).text) as Record<string, unknown>;
        expect(saved).toEqual({
          respondent: { group: 'reps', anonymous: true },
          'self.selling_time_pct': 30,
          'self.coaching.plan': 'none',
          'self.coaching.one_to_one': 'monthly',
          'tools.crm': 'HubSpot',
        });
        for (const [k, v] of Object.entries(saved)) if (k !== 'respondent') expect(asAnswersFileReads(k, v), k).toEqual(v);
        expect(problems).toEqual([]);
        const violations = await axeViolations(page);
        expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
      } finally {
        await close();
      }
    });
  });
}
