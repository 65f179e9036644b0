/// <reference lib="dom" />
/**
 * The explorer's views in real headless Chromium (Debian's package, driven by playwright-core)
 * against a real server on the seeded test Neo4j: the positions board, the focus graph,
 * permalinks, GraphiQL, disagreements, the report reader, the timeline and exports.
 */
import { readFile } from 'node:fs/promises';
import type { Core } from 'cytoscape';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  open,
  rendered,
  shot,
  startHarness,
  stopHarness,
  type Harness,
} from './explorer-harness.ts';
import { useTestDriver } from './neo4j-context.ts';

declare global {
  interface Window {
    /** Exposed by explorer/src/main.ts. */
    explorer: { cy: Core | null; ready: boolean };
  }
}

const context = useTestDriver();
let h: Harness;
let page: Page;
const requests: string[] = [];

async function api<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const res = await fetch(`${h.base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data: T };
  return body.data;
}

beforeAll(async () => {
  h = await startHarness(context);
  page = await h.browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(`${h.base}/`);
  await rendered(page);
  const interactive = await page.evaluate(
    () => performance.getEntriesByName('explorer-interactive')[0]?.startTime ?? -1,
  );
  console.log(
    `explorer interactive ${Math.round(interactive)} ms after navigation start (positions board, seed graph)`,
  );
}, 120_000);

afterAll(async () => {
  await stopHarness(h ?? {});
});

describe('the positions board', () => {
  it('is the landing view and shows Afghanistan’s stance on each of Pakistan’s demands with report counts', async () => {
    expect(page.url()).toBe(`${h.base}/explorer/`);
    const { demands } = await api<{
      demands: {
        edges: {
          node: {
            id: string;
            rejectedBy: { node: { id: string } }[];
            acceptedBy: { node: { id: string } }[];
            counteredBy: { node: { id: string } }[];
            evidence: { source: { id: string } }[];
          };
        }[];
      };
    }>(`{ demands(filter: { madeBy: "pakistan" }, first: 40) { edges { node { id
        rejectedBy { node { id } } acceptedBy { node { id } } counteredBy { node { id } } evidence { source { id } } } } } }`);
    expect(demands.edges.length).toBeGreaterThan(5);
    for (const { node: d } of demands.edges) {
      const card = page.locator(`td[data-party="pakistan"] li.demand[data-id="${d.id}"]`);
      expect(await card.count(), d.id).toBe(1);
      const expected = d.rejectedBy.some((r) => r.node.id === 'afghanistan')
        ? 'rejected'
        : d.acceptedBy.some((r) => r.node.id === 'afghanistan')
          ? 'accepted'
          : d.counteredBy.some((r) => r.node.id === 'afghanistan')
            ? 'countered'
            : 'unanswered';
      const stance = card.locator('li.stance[data-actor="Afghanistan"]');
      expect(await stance.getAttribute('data-stance'), d.id).toBe(expected);
      const reports = new Set(d.evidence.map((e) => e.source.id)).size;
      expect(await card.locator('> .count').textContent(), d.id).toBe(
        `${reports} report${reports === 1 ? '' : 's'}`,
      );
      if (expected !== 'unanswered') expect(await stance.textContent()).toMatch(/· \d+ reports?$/);
    }
    await shot(page, 'board-1400');
  });

  it('opens a demand’s evidence, whose report citations link to the report reader', async () => {
    await page.click('li.demand[data-id="durand-line-buffer-zone"] a.demand-link');
    await rendered(page);
    const panel = page.locator('#board-evidence');
    expect(await panel.textContent()).toContain(
      '“establish a 5-kilometre buffer zone along the Durand Line”',
    );
    expect(await panel.textContent()).toMatch(/Afghanistan: rejected/);
    await shot(page, 'board-evidence-1400');
    await panel.locator('a.cite', { hasText: 'report-000' }).first().click();
    await rendered(page);
    expect(new URL(page.url()).searchParams.get('report')).toBe('report-000');
    await page.waitForSelector('#reports-view article.report mark');
  });
});

describe('the focus graph', () => {
  it('draws Pakistan and its neighbours with no overlapping labels at 1400×900, legible at the default zoom', async () => {
    await open(page, h.base, '?view=graph&focus=pakistan');
    const { boxes, zoom, count } = await page.evaluate(() => {
      const cy = window.explorer.cy!;
      return {
        zoom: cy.zoom(),
        count: cy.nodes().length,
        boxes: cy.nodes(':visible').map((n) => ({
          id: n.id(),
          ...n.renderedBoundingBox({
            includeNodes: false,
            includeEdges: false,
            includeLabels: true,
            includeOverlays: false,
          }),
        })),
      };
    });
    expect(count).toBeGreaterThan(10);
    expect(zoom * 12).toBeGreaterThanOrEqual(9); // 12 px labels drawn at 9 px or more
    const overlaps: string[] = [];
    for (const [i, a] of boxes.entries()) {
      expect(a.w, a.id).toBeGreaterThan(0);
      for (const b of boxes.slice(i + 1))
        if (a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2)
          overlaps.push(`${a.id} × ${b.id}`);
    }
    expect(overlaps).toEqual([]);
    // Node size follows the number of links.
    const sizes = await page.evaluate(() => {
      const cy = window.explorer.cy!;
      return {
        pakistan: cy.getElementById('pakistan').width(),
        leaf: Math.min(...cy.nodes().map((n) => n.width())),
      };
    });
    expect(sizes.pakistan).toBeGreaterThan(sizes.leaf);
    await shot(page, 'graph-pakistan-1400');
  });

  it('shows a hover card and details with collapsible sections and report links', async () => {
    const at = await page.evaluate(() => {
      const p = window.explorer.cy!.getElementById('pakistan').renderedPosition();
      const box = document.getElementById('graph')!.getBoundingClientRect();
      return { x: p.x + box.left, y: p.y + box.top };
    });
    await page.mouse.move(at.x, at.y);
    await page.waitForSelector('#hover-card:not([hidden])');
    expect(await page.textContent('#hover-card')).toMatch(/Pakistan.*links/s);
    await page.mouse.click(at.x, at.y);
    await page.waitForURL(/sel=pakistan/);
    await rendered(page);
    expect(await page.textContent('#app-status')).toBe('');
    expect(await page.textContent('#details h2')).toBe('Pakistan');
    expect(await page.locator('#details details summary').first().textContent()).toMatch(/\(\d+\)/);
    expect(await page.locator('#details a.cite').count()).toBeGreaterThan(0);
  });

  it('filters relationship types and highlights a path found by the API’s connections', async () => {
    await page.click('.filters summary');
    await page.uncheck('#edge-filter input[value="RAISED_AT"]');
    await rendered(page);
    expect(
      await page.evaluate(() => [
        window.explorer.cy!.edges('[type = "RAISED_AT"]').length,
        window.explorer.cy!.edges('[type = "RAISED_AT"]:visible').length,
      ]),
    ).toEqual([expect.any(Number) as number, 0]);
    await page.check('#edge-filter input[value="RAISED_AT"]');
    await rendered(page);
    await page.selectOption('#path-select', 'istanbul-talks');
    await rendered(page);
    const path = await page.evaluate(() =>
      window.explorer.cy!.elements('.path').map((e) => e.id()),
    );
    expect(path).toContain('istanbul-talks');
    expect(path).toContain('pakistan');
    expect(await page.textContent('#status')).toMatch(/Path of \d+ step/);
    await shot(page, 'graph-path-1400');
  });

  it('expands a node on demand, from the details panel', async () => {
    const before = await page.evaluate(() => window.explorer.cy!.nodes().length);
    await open(page, h.base, '?view=graph&focus=pakistan&sel=istanbul-talks');
    await page.click('#details button:has-text("Expand neighbours")');
    await rendered(page);
    expect(new URL(page.url()).searchParams.get('exp')).toBe('istanbul-talks');
    expect(await page.evaluate(() => window.explorer.cy!.nodes().length)).toBeGreaterThan(before);
  });
});

describe('permalinks', () => {
  it('reproduce the selection in a new page, and back/forward replay the views', async () => {
    await open(
      page,
      h.base,
      '?view=graph&focus=afghanistan&sel=durand-line-buffer-zone&hide=RAISED_AT',
    );
    const link = page.url();
    const fresh = await h.browser.newPage({ viewport: { width: 1400, height: 900 } });
    await fresh.goto(link);
    await rendered(fresh);
    for (const p of [page, fresh]) {
      expect(await p.textContent('#details h2')).toBe(
        'Establish a 5-kilometre buffer zone along the Durand Line.',
      );
      expect(await p.evaluate(() => window.explorer.cy!.$(':selected').map((n) => n.id()))).toEqual(
        ['durand-line-buffer-zone'],
      );
      expect(await p.isChecked('#edge-filter input[value="RAISED_AT"]')).toBe(false);
    }
    await fresh.close();
    await page.click('nav.views a[data-view="disagreements"]');
    await rendered(page);
    await page.goBack();
    await rendered(page);
    expect(await page.isVisible('#graph-view')).toBe(true);
    await page.goForward();
    await rendered(page);
    expect(await page.isVisible('#disagreements-view')).toBe(true);
  });

  it('opens a search in GraphiQL with its variables, and the query runs without error', async () => {
    await open(page, h.base);
    await page.keyboard.press('/');
    await page.keyboard.type('buffer zone');
    await page.waitForSelector('#search-results a');
    expect(await page.textContent('#search-results')).toContain(
      'Demand: Establish a 5-kilometre buffer zone',
    );
    const href = (await page.getAttribute('#graphiql-link', 'href')) ?? '';
    expect(new URL(href, h.base).searchParams.get('query')).toContain('search(');
    const graphiql = await h.browser.newPage({ viewport: { width: 1400, height: 900 } });
    await graphiql.goto(`${h.base}${href}`);
    await graphiql.waitForSelector('.graphiql-execute-button', { timeout: 20_000 });
    await graphiql.waitForFunction(() => document.body.innerText.includes('search('), undefined, {
      timeout: 20_000,
    });
    await graphiql.click('.graphiql-execute-button');
    await graphiql.waitForFunction(
      () => /"(data|errors)"/.test(document.querySelector('.graphiql-response')?.textContent ?? ''),
      undefined,
      { timeout: 20_000 },
    );
    const response = (await graphiql.textContent('.graphiql-response')) ?? '';
    expect(response).not.toContain('"errors"');
    expect(response).toContain('durand-line-buffer-zone');
    await graphiql.close();
  });
});

describe('disagreements, reports and time', () => {
  it('asks each disagreement in plain words with the versions side by side and their reports', async () => {
    await open(page, h.base, '?view=disagreements');
    const text = (await page.textContent('#disagreements-view')) ?? '';
    expect(text).toContain('Why did the Istanbul talks fail?');
    expect(text).not.toContain('causeOfFailure');
    const round = page.locator('article.disagreement[data-property="round"]');
    expect(await round.locator('.version').count()).toBe(2);
    expect(await round.locator('.version .value').allTextContents()).toEqual(
      expect.arrayContaining(['second round', 'third round']),
    );
    expect(await round.locator('a.cite').count()).toBeGreaterThan(1);
    const tops = await round
      .locator('.version')
      .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().top));
    expect(new Set(tops).size).toBe(1); // side by side
    // A computed version names nodes by name and stances in words, not by id.
    const sides = page.locator('article.disagreement[data-subject="qatar"] .version .value');
    expect(await sides.allTextContents()).toEqual(
      expect.arrayContaining(['favoured · Afghanistan', 'supporter · Pakistan']),
    );
    expect(text).not.toMatch(/agreed_verbally|prevent-soil-use/);
    // One sentence stating two of a version's facts is quoted once.
    const mediators = page.locator('article.disagreement[data-property="mediators"] .version');
    expect(await mediators.count()).toBeGreaterThan(1);
    for (const version of await mediators.all()) {
      const quotes = await version.locator('blockquote, q, .quote').allTextContents();
      expect(new Set(quotes).size).toBe(quotes.length);
    }
    await shot(page, 'disagreements-1400');
  });

  it('reads a report’s quotes, each linked to the facts it supports, and sets two reports side by side', async () => {
    await open(page, h.base, '?view=reports&report=report-000&compare=report-001&subject=pakistan');
    const columns = page.locator('#reports-view article.report');
    expect(await columns.count()).toBe(2);
    for (const id of ['report-000', 'report-001']) {
      const col = page.locator(`article.report[data-report="${id}"]`);
      expect(await col.locator('ol.quotes > li').count(), id).toBeGreaterThan(0);
      expect(await col.locator('ol.quotes > li mark').count()).toBe(
        await col.locator('ol.quotes > li').count(),
      );
      expect(await col.locator('ol.quotes .facts a').count()).toBeGreaterThan(0);
    }
    expect(await page.textContent('article.report[data-report="report-000"]')).toContain(
      'establish a 5-kilometre buffer zone along the Durand Line',
    );
    await shot(page, 'reports-1400');
  });

  it('draws a lane per actor in the reports’ order, with fuzzy dates as spans and role changes marked', async () => {
    await open(page, h.base, '?view=timeline');
    const lanes = await page.locator('.lane-name').allTextContents();
    expect(lanes).toEqual(expect.arrayContaining(['Pakistan', 'Afghanistan', 'Turkey', 'Qatar']));
    expect(await page.locator('.lanes .date.span', { hasText: 'October · month' }).count()).toBe(1);
    expect(await page.locator('.lanes .event[data-id="istanbul-talks"]').count()).toBeGreaterThan(
      1,
    );
    const changes = await page
      .locator('.lanes .event.role-change')
      .evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.role));
    expect(changes).toContain('mediator');
    // Steps are numbered in order, without the gaps that hidden kinds of event would leave.
    const steps = (await page.locator('.lane-head strong').allTextContents()).filter((t) =>
      t.startsWith('step '),
    );
    expect(steps).toEqual(steps.map((_, i) => `step ${i + 1}`));
    expect(steps.length).toBeGreaterThan(1);
    await shot(page, 'timeline-1400');
    await page.selectOption('#timeline-actor', 'turkey');
    await rendered(page);
    expect(new URL(page.url()).searchParams.get('actor')).toBe('turkey');
    expect(await page.locator('.lanes .event[data-id="istanbul-talks"]').count()).toBeGreaterThan(
      0,
    );
  });
});

describe('export', () => {
  it('exports the board as CSV and JSON, and the graph as GraphML and PNG', async () => {
    await open(page, h.base);
    const save = async (button: string) => {
      await page.click('.export summary');
      const [download] = await Promise.all([page.waitForEvent('download'), page.click(button)]);
      await page.click('.export summary');
      return readFile(await download.path());
    };
    const csv = (await save('#export-csv')).toString();
    expect(csv.split('\n')[0]).toBe(
      'issue,party,demand,demandId,demandReports,respondent,stance,stanceReports',
    );
    expect(csv).toMatch(
      /Border and territory,Pakistan,Establish a 5-kilometre buffer zone along the Durand Line\.,durand-line-buffer-zone,report-000,Afghanistan,rejected,report-000/,
    );
    const json = JSON.parse((await save('#export-json')).toString()) as { stance: string }[];
    expect(json.length).toBe(csv.trim().split('\n').length - 1);
    await open(page, h.base, '?view=graph&focus=pakistan');
    const graphml = (await save('#export-graphml')).toString();
    expect(graphml).toContain('<node id="pakistan">');
    expect((graphml.match(/<edge /g) ?? []).length).toBe(
      await page.evaluate(() => window.explorer.cy!.edges().length),
    );
    const png = await save('#export-png');
    expect(png.subarray(1, 4).toString()).toBe('PNG');
  });

  it('makes no request outside the server it was loaded from', () => {
    const outside = requests.filter(
      (url) => !url.startsWith(h.base) && !url.startsWith('data:') && !url.startsWith('blob:'),
    );
    expect(requests.length).toBeGreaterThan(5);
    expect(outside).toEqual([]);
  });
});
