/// <reference lib="dom" />
/**
 * "Add a report" in real headless Chromium against a real server on the seeded test Neo4j:
 * a text on an invented negotiation (Veland and Ostria over fishing quotas, mediated by
 * Norland; its parties were added by an earlier report through the API) is pasted, the
 * suggestions are marked in it at their selectors' offsets, some are accepted (one after
 * editing its quote and target), one discarded, and the accepted ones are recorded with an
 * editor key — after which the API holds exactly those facts with their quotes. No key and
 * a reader key are refused on screen with nothing written. axe, Tab and 390 px checks too.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { KeyStore } from '../src/auth/key-store.ts';
import {
  axeViolations,
  open,
  rendered,
  shot,
  startHarness,
  stopHarness,
  type Harness,
} from './explorer-harness.ts';
import { useTestDriver } from './neo4j-context.ts';

const context = useTestDriver();
let h: Harness;
let page: Page;
const keys = { editor: '', reader: '' };

/** An earlier report that introduces the parties (recorded through the API before the test). */
const BACKGROUND =
  'Veland and Ostria have disputed the fishing grounds of Lake Marr since the spring thaw. Norland offered to mediate between the two lake states.';
/** The report the analyst pastes: invented for this test, no sentence of the seed reports. */
const TEXT = [
  'Talks between Veland and Ostria on fishing quotas resumed in Carro on Tuesday, mediated by Norland.',
  'Ostria demanded that Veland withdraw its patrol boats from the northern banks.',
  'Veland rejected the demand, a Velandic spokesman said.',
  "Norland's envoy, Edda Lindqvist, urged both sides to keep talking.",
].join(' ');

async function api<T>(query: string, variables: Record<string, unknown> = {}, key = '') {
  const res = await fetch(`${h.base}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(key ? { authorization: `Bearer ${key}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data: T; errors?: { message: string }[] };
  expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
  return body.data;
}

/** Whether any stored report has exactly this text. */
async function stored(text: string): Promise<string | undefined> {
  const { sources } = await api<{ sources: { id: string; text: string | null }[] }>(
    '{ sources { id text } }',
  );
  return sources.find((s) => s.text === text)?.id;
}

beforeAll(async () => {
  h = await startHarness(context);
  const store = new KeyStore(context.driver, context.database);
  keys.editor = (await store.create(`add-view-editor-${Date.now()}`, 'editor')).key;
  keys.reader = (await store.create(`add-view-reader-${Date.now()}`, 'reader')).key;
  const { addReport } = await api<{ addReport: { report: { id: string } } }>(
    'mutation($input: ReportInput!) { addReport(input: $input) { report { id } } }',
    { input: { text: BACKGROUND } },
    keys.editor,
  );
  const actor = (id: string, name: string, aliases: string[], quote: string) => ({
    id,
    name,
    kind: 'STATE',
    aliases,
    evidence: [{ quote, framing: 'REPORTER' }],
  });
  await api(
    'mutation($input: FactsInput!) { recordFacts(input: $input) { createdNodes } }',
    {
      input: {
        report: addReport.report.id,
        actors: [
          actor('veland', 'Veland', ['Velandic'], 'Veland and Ostria have disputed'),
          actor('ostria', 'Ostria', ['Ostrian'], 'Veland and Ostria have disputed'),
          actor('norland', 'Norland', ['Norlandic'], 'Norland offered to mediate'),
        ],
      },
    },
    keys.editor,
  );
  page = await h.browser.newPage({ viewport: { width: 1400, height: 900 } });
}, 180_000);

afterAll(async () => {
  await stopHarness(h ?? {});
  // Leave the shared test graph as the seeds made it.
  for (const cypher of [
    'MATCH ()-[r]->() WHERE r.origin = "api" DELETE r',
    'MATCH (n:Entity) WHERE n.origin = "api" DETACH DELETE n',
    'MATCH (n) WHERE n:Edit OR n:ApiKey DELETE n',
  ])
    await context.driver.executeQuery(cypher, {}, { database: context.database });
});

/** The key (`r0`, `a1`…) of the first card matching `selector`. */
const draftKey = async (selector: string) =>
  (await page.locator(selector).first().getAttribute('data-draft')) ?? '';

async function suggestIn(p: Page): Promise<void> {
  await open(p, h.base, '?view=add');
  await p.fill('#add-text', TEXT);
  await p.click('#add-suggest');
  await p.waitForSelector('#add-facts li.candidate');
}

describe('adding a report from the explorer', () => {
  it('marks each suggestion in the text at its selector’s offsets', async () => {
    await suggestIn(page);
    const { suggestFacts: s } = await api<{
      suggestFacts: {
        newActors: { name: string; selector: { start: number; end: number } }[];
        relationships: {
          type: string;
          evidence: { quote: string; selector: { start: number; end: number } };
        }[];
      };
    }>(
      'query($text: String!) { suggestFacts(text: $text) { newActors { name selector { start end } } relationships { type evidence { quote selector { start end } } } } }',
      { text: TEXT },
    );
    expect(s.relationships.map((r) => r.type)).toEqual(
      expect.arrayContaining(['MEDIATED', 'DEMANDED', 'REJECTED', 'STATED']),
    );
    expect(await page.locator('#add-facts li.candidate').count()).toBe(s.relationships.length);
    for (const [i, r] of s.relationships.entries()) {
      const marked = (
        await page.locator(`#add-highlighted mark[data-candidates~="r${i}"]`).allTextContents()
      ).join('');
      expect(marked, r.type).toBe(TEXT.slice(r.evidence.selector.start, r.evidence.selector.end));
      expect(marked).toBe(r.evidence.quote);
    }
    expect(s.newActors.map((a) => a.name)).toContain('Edda Lindqvist');
    for (const [i, a] of s.newActors.entries())
      expect(
        (await page.locator(`#add-highlighted [data-names~="a${i}"]`).allTextContents()).join(''),
      ).toBe(a.name);
    // known actors are marked as such
    expect(
      await page.locator('#add-highlighted .mention', { hasText: 'Norland' }).count(),
    ).toBeGreaterThan(0);
  });

  it('accepts, edits and discards candidates; a quote must stay verbatim', async () => {
    // MEDIATED: a new meeting needs its kind before it can be accepted
    const mediated = await draftKey('li.candidate[data-type="MEDIATED"]');
    await page.click(`#accept-${mediated}`);
    expect(await page.textContent(`#problems-${mediated}`)).toContain('choose the new meeting');
    expect(await page.getAttribute(`#cand-${mediated}`, 'data-state')).toBe('pending');
    await page.selectOption(`#newValue-${mediated}`, 'TALKS');
    await page.click(`#accept-${mediated}`);
    expect(await page.getAttribute(`#cand-${mediated}`, 'data-state')).toBe('accepted');

    // DEMANDED by Ostria: choose the demand's issue, accept
    const demanded = await draftKey('li.candidate[data-type="DEMANDED"]:has-text("Ostria")');
    await page.click(`#edit-${demanded}`);
    await page.selectOption(`#newValue-${demanded}`, 'SECURITY');
    const demandId = await page.inputValue(`#newId-${demanded}`);
    await page.click(`#accept-${demanded}`);
    expect(await page.getAttribute(`#cand-${demanded}`, 'data-state')).toBe('accepted');

    // REJECTED by Veland: a shorter quote, and the demand Ostria made as its target
    const rejected = await draftKey('li.candidate[data-type="REJECTED"]');
    await page.click(`#edit-${rejected}`);
    await page.fill(`#quote-${rejected}`, 'Veland flatly rejected the demand');
    expect(await page.textContent(`#check-${rejected}`)).toMatch(/✗ Not a verbatim span/);
    await page.fill(`#newId-${rejected}`, demandId);
    await page.selectOption(`#newValue-${rejected}`, 'SECURITY');
    await page.click(`#accept-${rejected}`);
    expect(await page.getAttribute(`#cand-${rejected}`, 'data-state')).toBe('pending');
    expect(await page.textContent(`#problems-${rejected}`)).toContain('Not a verbatim span');
    await page.fill(`#quote-${rejected}`, 'Veland rejected the demand');
    expect(await page.textContent(`#check-${rejected}`)).toMatch(/✓ Verbatim/);
    await page.click(`#accept-${rejected}`);
    expect(await page.getAttribute(`#cand-${rejected}`, 'data-state')).toBe('accepted');
    // the mark follows the edited quote
    expect(
      (await page.locator(`mark[data-candidates~="${rejected}"]`).allTextContents()).join(''),
    ).toBe('Veland rejected the demand');

    // STATED: discarded
    const stated = await draftKey('li.candidate[data-type="STATED"]');
    await page.click(`#discard-${stated}`);
    expect(await page.getAttribute(`#cand-${stated}`, 'data-state')).toBe('discarded');

    // a new actor: the envoy, as a person
    const envoy = await draftKey('#add-actors li.candidate:has-text("Edda Lindqvist")');
    await page.click(`#edit-${envoy}`);
    await page.selectOption(`#kind-${envoy}`, 'PERSON');
    await page.click(`#accept-${envoy}`);
    expect(await page.getAttribute(`#cand-${envoy}`, 'data-state')).toBe('accepted');
    expect(await page.textContent('#add-record')).toBe(
      'Record the report with 3 facts and 1 new actor',
    );
    await page.locator('#add-facts').scrollIntoViewIfNeeded();
    await shot(page, 'add-report-1400');
  });

  it('refuses to record without a key or with a reader key, visibly, writing nothing', async () => {
    await page.fill('#add-key', '');
    await page.click('#add-record');
    await page.waitForSelector('#add-outcome.error');
    expect(await page.textContent('#add-outcome')).toContain('enter an editor API key');
    await page.fill('#add-key', keys.reader);
    await page.click('#add-record');
    await page.waitForSelector('#add-outcome.error:has-text("FORBIDDEN")');
    const message = (await page.textContent('#add-outcome')) ?? '';
    expect(message).toContain('nothing was written');
    expect(message).toContain('writes need editor');
    expect(await page.isVisible('#add-outcome')).toBe(true);
    expect(await stored(TEXT)).toBeUndefined();
  });

  it('records exactly the accepted facts, with their quotes, and links to the new report', async () => {
    await page.fill('#add-key', keys.editor);
    expect(await page.evaluate(() => sessionStorage.getItem('negotiation-graph.api-key'))).toBe(
      keys.editor,
    );
    await page.click('#add-record');
    await page.waitForSelector('#add-outcome.ok a.to-reader', { timeout: 30_000 });
    const id = await stored(TEXT);
    expect(id).toBeDefined();
    const [edit] = (
      await api<{
        edits: {
          operation: string;
          report: string;
          createdNodes: string[];
          createdRelationships: string[];
        }[];
      }>('{ edits(first: 5) { operation report createdNodes createdRelationships } }')
    ).edits.filter((e) => e.operation === 'recordFacts' && e.report === id);
    expect(edit).toBeDefined();
    const facts = edit!.createdRelationships.filter((r) => !r.includes('-REPORTED_BY-')).sort();
    const demand = 'that-veland-withdraw-its-patrol-boats';
    const meeting = edit!.createdNodes.find((n) => n !== 'edda-lindqvist' && n !== demand) ?? '';
    expect(edit!.createdNodes.sort()).toEqual([demand, 'edda-lindqvist', meeting].sort());
    expect(facts).toEqual(
      [
        `norland-MEDIATED-${meeting}@${id}`,
        `ostria-DEMANDED-${demand}@${id}`,
        `veland-REJECTED-${demand}@${id}`,
      ].sort(),
    );
    const q = await api<{
      demand: {
        issue: string;
        madeBy: { node: { id: string }; evidence: { quote: string; source: { id: string } }[] }[];
        rejectedBy: {
          node: { id: string };
          evidence: { quote: string; framing: string; voice: string | null }[];
        }[];
      };
      meeting: {
        kind: string;
        mediators: { node: { id: string }; evidence: { quote: string }[] }[];
      };
      actor: { kind: string; evidence: { quote: string }[] };
      statements: { totalCount: number };
    }>(
      `query($d: ID!, $m: ID!, $s: ID!) {
        demand(id: $d) { issue madeBy { node { id } evidence { quote source { id } } }
          rejectedBy { node { id } evidence { quote framing voice } } }
        meeting(id: $m) { kind mediators { node { id } evidence { quote } } }
        actor(id: "edda-lindqvist") { kind evidence { quote } }
        statements(filter: { source: $s }) { totalCount }
      }`,
      { d: demand, m: meeting, s: id },
    );
    expect(q.demand.issue).toBe('SECURITY');
    expect(q.demand.madeBy).toEqual([
      {
        node: { id: 'ostria' },
        evidence: [
          { quote: TEXT.split(' Veland rejected')[0]!.split('Norland. ')[1]!, source: { id } },
        ],
      },
    ]);
    expect(q.demand.rejectedBy).toEqual([
      {
        node: { id: 'veland' },
        evidence: [{ quote: 'Veland rejected the demand', framing: 'REPORTED', voice: 'veland' }],
      },
    ]);
    expect(q.meeting.kind).toBe('TALKS');
    expect(q.meeting.mediators).toEqual([
      { node: { id: 'norland' }, evidence: [{ quote: TEXT.split(' Ostria demanded')[0] }] },
    ]);
    expect(q.actor.kind).toBe('PERSON');
    expect(q.actor.evidence[0]?.quote).toBe(
      "Norland's envoy, Edda Lindqvist, urged both sides to keep talking.",
    );
    expect(q.statements.totalCount).toBe(0); // the discarded STATED
    // the link opens the new report in the reader
    await page.click('#add-outcome a.to-reader');
    await rendered(page);
    expect(new URL(page.url()).searchParams.get('report')).toBe(id);
    await page.waitForSelector(`article.report[data-report="${id}"] ol.quotes mark`);
    expect(await page.textContent(`article.report[data-report="${id}"]`)).toContain(
      'Veland rejected the demand',
    );
    // a write, then the reader's first (cold) queries for a new report: slow on a busy machine
  }, 180_000);
});

describe('the add-a-report view, accessible and on a phone', () => {
  let a11y: Page;
  beforeAll(async () => {
    // axe is injected as an inline script: allowed here whatever the server's CSP says.
    a11y = await h.browser.newPage({ viewport: { width: 1400, height: 900 }, bypassCSP: true });
    await suggestIn(a11y);
    await a11y.click('li.candidate[data-type="MEDIATED"] button[data-act="edit"]');
  });

  it('has no serious or critical axe violation with suggestions and an editor open', async () => {
    expect(await axeViolations(a11y)).toEqual([]);
  });

  it('reaches every control with Tab', async () => {
    await a11y.click('.origin summary');
    const controls = await a11y.$$eval(
      '#add-view a[href], #add-view button, #add-view input, #add-view select, #add-view textarea, #add-view summary',
      (els) =>
        els
          .filter((e) => e.checkVisibility())
          .map((e) => e.id || e.textContent?.trim().slice(0, 30) || e.tagName),
    );
    expect(controls).toEqual(
      expect.arrayContaining(['add-text', 'add-suggest', 'add-key', 'add-record']),
    );
    await a11y.focus('#add-text');
    const reached = new Set<string>();
    for (let i = 0; i < controls.length + 5; i++) {
      await a11y.keyboard.press('Tab');
      reached.add(
        await a11y.evaluate(() => {
          const e = document.activeElement as HTMLElement;
          return e.id || e.textContent?.trim().slice(0, 30) || e.tagName;
        }),
      );
    }
    expect(controls.filter((c) => c !== 'add-text' && !reached.has(c))).toEqual([]);
  });

  it('fits 390 px without horizontal scrolling', async () => {
    await a11y.setViewportSize({ width: 390, height: 844 });
    expect(await a11y.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      390,
    );
    await a11y.locator('#add-highlighted').scrollIntoViewIfNeeded();
    await shot(a11y, 'add-report-390');
    await a11y.locator('#add-facts').scrollIntoViewIfNeeded();
    await shot(a11y, 'add-report-390-candidates');
  });
});
