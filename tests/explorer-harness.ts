/// <reference lib="dom" />
/**
 * Shared setup of the explorer's browser tests: a real server on the seeded test Neo4j and
 * Debian's headless Chromium driven by playwright-core; screenshots go to test-results/.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type Page } from 'playwright-core';

import { ensureExplorerBuilt } from '../src/server/build-explorer.ts';
import { createRequestListener } from '../src/server/create-request-listener.ts';
import { createGraphYoga } from '../src/server/create-yoga.ts';
import type { useTestDriver } from './neo4j-context.ts';
import { loadTestSeeds } from './seed-helpers.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface Harness {
  base: string;
  browser: Browser;
  server: Server;
}

export async function startHarness(
  driverContext: ReturnType<typeof useTestDriver>,
): Promise<Harness> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}: install Debian's chromium package (.ci/run does) or set CHROMIUM_PATH`,
    );
  }
  const { driver, database } = driverContext;
  await ensureExplorerBuilt(() => undefined);
  await loadTestSeeds(driver, database);
  const yoga = createGraphYoga({ driver, database, logging: false });
  const server = createServer(createRequestListener(yoga));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({
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
  await mkdir('test-results', { recursive: true });
  return { base, browser, server };
}

export async function stopHarness(h: Partial<Harness>): Promise<void> {
  if (h.browser) await h.browser.close();
  const server = h.server;
  if (server) {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

/** Opens a page of the explorer and waits until the view for that URL is drawn. */
export async function open(page: Page, base: string, search = ''): Promise<void> {
  await page.goto(`${base}/explorer/${search}`);
  await rendered(page);
}

/** Waits until the view for the current URL is drawn. */
export async function rendered(page: Page): Promise<void> {
  await page.waitForFunction(
    () => document.body.dataset.rendered === (location.search || '?'),
    undefined,
    { timeout: 30_000 },
  );
}

export const shot = (page: Page, name: string) =>
  page.screenshot({ path: `test-results/explorer-${name}.png`, fullPage: false });

const require = createRequire(import.meta.url);
let axeSource: string | undefined;

/** axe-core's serious and critical violations on the page (rule id and first targets). */
export async function axeViolations(page: Page): Promise<string[]> {
  axeSource ??= await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
  await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (ctx: Document) => Promise<{
            violations: { id: string; impact: string | null; nodes: { target: unknown[] }[] }[];
          }>;
        };
      }
    ).axe;
    return axe.run(document);
  });
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id}: ${v.nodes
          .slice(0, 3)
          .map((n) => JSON.stringify(n.target))
          .join(' ')}`,
    );
}
