/// <reference lib="dom" />
/**
 * The explorer in real headless Chromium (Debian's package, driven by playwright-core)
 * against a real server on the seeded test Neo4j.
 */
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Core } from 'cytoscape';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { ensureExplorerBuilt } from '../src/server/build-explorer.ts';
import { createRequestListener } from '../src/server/create-request-listener.ts';
import { createGraphYoga } from '../src/server/create-yoga.ts';
import { useTestDriver } from './neo4j-context.ts';
import { loadTestSeeds } from './seed-helpers.ts';

declare global {
  interface Window {
    /** Exposed by explorer/src/main.ts. */
    explorer: { cy: Core; ready: boolean };
  }
}

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const { driver, database } = useTestDriver();
let server: Server;
let browser: Browser;
let page: Page;
let base = '';
const requests: string[] = [];
let interactiveMs = 0;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}: install Debian's chromium package (.ci/run does) or set CHROMIUM_PATH`,
    );
  }
  await ensureExplorerBuilt(() => undefined);
  await loadTestSeeds(driver, database);
  const yoga = createGraphYoga({ driver, database, logging: false });
  server = createServer(createRequestListener(yoga));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.on('request', (r) => requests.push(r.url()));
  const started = Date.now();
  await page.goto(`${base}/`);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 30_000 });
  interactiveMs = Date.now() - started;
  console.log(`explorer interactive after ${interactiveMs} ms`);
}, 120_000);

afterAll(async () => {
  await mkdir('test-results', { recursive: true });
  // Each step only if beforeAll got that far, so a failed setup reports its own error.
  if (page) await page.screenshot({ path: 'test-results/explorer.png' });
  if (browser) await browser.close();
  if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
});

async function clickNode(id: string): Promise<void> {
  const at = await page.evaluate((nodeId) => {
    const node = window.explorer.cy.getElementById(nodeId);
    const p = node.renderedPosition();
    const box = document.getElementById('graph')!.getBoundingClientRect();
    return { x: p.x + box.left, y: p.y + box.top };
  }, id);
  await page.mouse.click(at.x, at.y);
}

describe('the explorer', () => {
  it('redirects / to the explorer and draws the seed actors', async () => {
    expect(page.url()).toBe(`${base}/explorer/`);
    const actors = await page.evaluate(() =>
      window.explorer.cy.nodes('[kind = "ACTOR"]').map((n) => n.data('label') as string),
    );
    expect(actors).toEqual(
      expect.arrayContaining(['Pakistan', 'Afghanistan', 'Turkey', 'Qatar', 'Saudi Arabia']),
    );
    expect(Number(await page.getAttribute('#graph', 'data-node-count'))).toBeGreaterThan(30);
  });

  it('shows an actor’s demands with their sources when it is clicked', async () => {
    await clickNode('pakistan');
    await page.waitForSelector('#details h2:has-text("Pakistan")');
    const text = (await page.textContent('#details')) ?? '';
    expect(text).toMatch(/demands made/i);
    expect(text).toContain('Establish a 5-kilometre buffer zone along the Durand Line.');
    expect(text).toContain('“establish a 5-kilometre buffer zone along the Durand Line”');
    expect(text).toContain('report-000');
  });

  it('finds a demand with the full-text search, from the keyboard', async () => {
    await page.keyboard.press('Escape');
    await page.keyboard.press('/');
    await page.keyboard.type('buffer zone');
    await page.waitForSelector('#search-results button');
    expect(await page.textContent('#search-results')).toContain(
      'Demand: Establish a 5-kilometre buffer zone',
    );
    await page.click('#search-results button');
    await page.waitForSelector('#details h2:has-text("buffer zone")');
  });

  it('shows the meetings on the timeline with each date’s precision', async () => {
    const items = await page.$$eval('#timeline li', (lis) =>
      lis.map((li) => ({
        name: li.querySelector('button')?.textContent ?? '',
        when: li.querySelector('.when')?.textContent ?? '',
      })),
    );
    expect(items).toContainEqual({ name: 'Istanbul talks', when: 'this week · week' });
    expect(items).toContainEqual({ name: 'Doha ceasefire signing', when: 'October · month' });
    expect(items).toContainEqual({ name: 'Erdoğan–Sharif meeting in Baku', when: 'undated' });
  });

  it('highlights the nodes reports disagree about', async () => {
    await page.check('#disputed-toggle');
    const disputed = await page.evaluate(() =>
      window.explorer.cy.nodes('.disputed').map((n) => n.id()),
    );
    expect(disputed).toContain('istanbul-talks');
    expect(await page.isVisible('#disagreements')).toBe(true);
  });

  it('opens the query behind the screen in GraphiQL, which loads from the server alone', async () => {
    const href = (await page.getAttribute('#graphiql-link', 'href')) ?? '';
    expect(href.startsWith('/graphql?query=')).toBe(true);
    const graphiql = await browser.newPage();
    const outside: string[] = [];
    graphiql.on('request', (r) => {
      if (
        !r.url().startsWith(base) &&
        !r.url().startsWith(`blob:${base}`) &&
        !r.url().startsWith('data:')
      )
        outside.push(r.url());
    });
    await graphiql.goto(`${base}${href}`);
    // The editor shows the query's root field (CodeMirror renders its own whitespace).
    const query = new URL(href, base).searchParams.get('query') ?? '';
    const rootField = /\{\s*(\w+)/.exec(query)?.[1] ?? '';
    expect(rootField).not.toBe('');
    await graphiql.waitForFunction((field) => document.body.innerText.includes(field), rootField, {
      timeout: 20_000,
    });

    expect(outside).toEqual([]);
    await graphiql.close();
  });

  it('stays usable at tablet width', async () => {
    await page.setViewportSize({ width: 820, height: 1180 });
    await page.waitForTimeout(500); // Cytoscape resizes its canvas on the window's resize event.
    const graph = await page.$eval('#graph', (el) => el.getBoundingClientRect());
    expect(graph.height).toBeGreaterThan(300);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      820,
    );
  });

  it('makes no request outside the server it was loaded from', () => {
    const outside = requests.filter((url) => !url.startsWith(base) && !url.startsWith('data:'));
    expect(requests.length).toBeGreaterThan(5);
    expect(outside).toEqual([]);
  });
});
