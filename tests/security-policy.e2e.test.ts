/// <reference lib="dom" />
/**
 * The explorer and GraphiQL still work in real headless Chromium under the server's
 * Content-Security-Policy: no violation is reported, the explorer draws the graph and
 * GraphiQL runs a query and shows its answer.
 */
import { mkdir } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startHarness, stopHarness, type Harness } from './explorer-harness.ts';
import { useTestDriver } from './neo4j-context.ts';

const driverContext = useTestDriver();
let harness: Partial<Harness> = {};
let base = '';

beforeAll(async () => {
  harness = await startHarness(driverContext);
  base = harness.base ?? '';
}, 120_000);

afterAll(async () => {
  await stopHarness(harness);
});

/** A page that records CSP violations and uncaught errors. */
async function watchedPage(width = 1400, height = 900) {
  const page = await (harness.browser as Browser).newPage({ viewport: { width, height } });
  const problems: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      console.error(`Refused to load: CSP ${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  return { page, problems };
}

async function shot(page: Page, name: string) {
  await mkdir('test-results', { recursive: true });
  await page.screenshot({ path: `test-results/${name}.png` });
}

describe('pages under the Content-Security-Policy', () => {
  it('the explorer draws the graph with no policy violation', async () => {
    const { page, problems } = await watchedPage();
    const res = await page.goto(`${base}/explorer/`);
    expect(res?.headers()['content-security-policy']).toMatch(/script-src 'self'/);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 30_000 });
    await shot(page, 'csp-explorer');
    expect(problems).toEqual([]);
    await page.close();
  }, 60_000);

  it.each([
    [1400, 900],
    [390, 844],
  ])(
    'GraphiQL runs a query and shows the answer at %i×%i with no policy violation',
    async (w, h) => {
      const { page, problems } = await watchedPage(w, h);
      const query = '{ actor(id: "pakistan") { name } }';
      const res = await page.goto(`${base}/graphql?query=${encodeURIComponent(query)}`);
      expect(res?.headers()['content-security-policy']).toMatch(/frame-ancestors 'none'/);
      await page.waitForFunction(() => document.body.innerText.includes('actor'), null, {
        timeout: 30_000,
      });
      const answer = page.waitForResponse(
        (r) =>
          r.url().endsWith('/graphql') &&
          r.request().method() === 'POST' &&
          (r.request().postData() ?? '').includes('pakistan'),
      );
      await page.locator('.graphiql-execute-button').click();
      expect(await (await answer).json()).toEqual({ data: { actor: { name: 'Pakistan' } } });
      await shot(page, `csp-graphiql-${w}`);
      expect(problems).toEqual([]);
      await page.close();
    },
    60_000,
  );
});
