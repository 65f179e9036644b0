/// <reference lib="dom" />
/**
 * The explorer on a phone and from the keyboard, in real headless Chromium: every view at
 * 1400×900 and 390×844 without horizontal scrolling (screenshots in test-results/), every
 * control reachable with Tab, and axe-core finding no serious or critical violation.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  axeViolations,
  open,
  shot,
  startHarness,
  stopHarness,
  type Harness,
} from './explorer-harness.ts';
import { useTestDriver } from './neo4j-context.ts';

const context = useTestDriver();
let h: Harness;
let page: Page;

const VIEWS: [string, string][] = [
  ['board', ''],
  ['board-evidence', '?view=board&demand=written-agreement'],
  ['graph', '?view=graph&focus=pakistan&sel=pakistan'],
  ['disagreements', '?view=disagreements'],
  ['reports', '?view=reports&report=report-002&compare=report-003'],
  ['timeline', '?view=timeline'],
];

beforeAll(async () => {
  h = await startHarness(context);
  // axe is injected as an inline script: allowed here whatever the server's CSP says.
  page = await h.browser.newPage({ viewport: { width: 390, height: 844 }, bypassCSP: true });
}, 120_000);

afterAll(async () => {
  await stopHarness(h ?? {});
});

describe('the explorer on a phone (390×844)', () => {
  it.each(VIEWS)('shows %s without horizontal scrolling', async (name, search) => {
    await open(page, h.base, search);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      390,
    );
    await shot(page, `${name}-390`);
  });
});

describe('accessibility', () => {
  it.each(VIEWS)('axe finds no serious or critical violation in %s', async (_name, search) => {
    await page.setViewportSize({ width: 1400, height: 900 });
    await open(page, h.base, search);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('reaches every control of the graph view with Tab, and selects a node from the keyboard', async () => {
    await page.setViewportSize({ width: 1400, height: 900 });
    await open(page, h.base, '?view=graph&focus=pakistan');
    await page.click('.filters summary');
    await page.click('.export summary');
    const controls = await page.$$eval('a[href], button, input, select, summary', (els) =>
      els
        .filter((e) => e.checkVisibility())
        .map((e) => e.id || e.textContent?.trim().slice(0, 30) || e.tagName),
    );
    const reached = new Set<string>();
    for (let i = 0; i < controls.length + 10; i++) {
      await page.keyboard.press('Tab');
      reached.add(
        await page.evaluate(() => {
          const e = document.activeElement as HTMLElement;
          return e.id || e.textContent?.trim().slice(0, 30) || e.tagName;
        }),
      );
    }
    expect(controls.filter((c) => !reached.has(c))).toEqual([]);
    await open(page, h.base, '?view=graph&focus=pakistan');
    await page.focus('#node-select');
    await page.selectOption('#node-select', 'istanbul-talks');
    await page.waitForSelector('#details h2:has-text("Istanbul talks")');
    expect(new URL(page.url()).searchParams.get('sel')).toBe('istanbul-talks');
  });
});
