/** README.md stays true: its commands and example queries are the ones tested. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

import { README_QUERIES } from './readme-queries.ts';

const readme = readFileSync('README.md', 'utf8');
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> };

describe('README.md', () => {
  it('shows the two commands', () => {
    expect(readme).toContain('npm ci && npm start');
    expect(readme).toContain('npm ci && npm test');
  });

  it('shows each example query exactly as the tests run it', () => {
    for (const query of Object.values(README_QUERIES))
      expect(readme).toContain('```graphql\n' + query + '\n```');
  });

  it('documents only npm scripts that exist', () => {
    for (const [, name] of readme.matchAll(/npm run ([a-z0-9:-]+)/g))
      expect(pkg.scripts[name ?? ''], name).toBeDefined();
  });

  it('documents every environment variable the configuration reads', () => {
    const config = readFileSync('src/config/config.ts', 'utf8');
    for (const [, name] of config.matchAll(/^\s{4}([A-Z][A-Z0-9_]+): /gm))
      expect(readme, name).toContain(`\`${name}\``);
    expect(readme).toContain('`REPORTS_DIR`');
  });
});
