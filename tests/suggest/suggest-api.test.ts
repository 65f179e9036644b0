/** The suggestFacts GraphQL field against the seeded real Neo4j. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

import { projectRoot } from '../../src/config/project-root.ts';

import { useSeededApi } from '../api-helpers.ts';

const { gql } = useSeededApi();

const QUERY = `query ($text: String!) {
  suggestFacts(text: $text) {
    actors { actorId resolvedBy selector { exact start end } }
    relationships { type from { id } negated evidence { quote framing selector { start end exact } } }
    dates { text precision }
  }
}`;

interface Answer {
  suggestFacts: {
    actors: {
      actorId: string;
      resolvedBy: string;
      selector: { exact: string; start: number; end: number };
    }[];
    relationships: { type: string; from: { id: string }; negated: boolean }[];
    dates: { text: string; precision: string }[];
  };
}

describe('suggestFacts over GraphQL', () => {
  it('resolves "Kabul", "Islamabad" and "Afghan" to the seed actors', async () => {
    const text =
      'Kabul rejected the proposal on Friday, and Afghan officials said Islamabad had not responded.';
    const res = await gql(QUERY, { text });
    expect(res.errors).toBeUndefined();
    const s = (res.data as unknown as Answer).suggestFacts;
    const resolved = s.actors.map((a) => [a.selector.exact, a.actorId, a.resolvedBy]);
    expect(resolved).toEqual(
      expect.arrayContaining([
        ['Kabul', 'afghanistan', 'ALIAS'],
        ['Islamabad', 'pakistan', 'ALIAS'],
      ]),
    );
    // "Afghan" resolves to Afghanistan, as a demonym or within a longer alias ("Afghan officials").
    expect(resolved).toContainEqual([
      expect.stringMatching(/^Afghan\b/),
      'afghanistan',
      expect.stringMatching(/^(DEMONYM|ALIAS)$/),
    ]);
    for (const a of s.actors)
      expect(text.slice(a.selector.start, a.selector.end)).toBe(a.selector.exact);
    expect(s.relationships).toContainEqual(
      expect.objectContaining({ type: 'REJECTED', from: { id: 'afghanistan' }, negated: false }),
    );
    expect(s.dates).toEqual([{ text: 'Friday', precision: 'WEEKDAY' }]);
  });

  it('answers the README example query without errors', async () => {
    const readme = readFileSync(path.join(projectRoot, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Suggesting the facts of a new report'));
    const example = /```graphql\n([\s\S]*?)```/.exec(section)?.[1];
    expect(example).toContain('suggestFacts(text:');
    const res = await gql(example!);
    expect(res.errors).toBeUndefined();
    const rels = (res.data as unknown as { suggestFacts: { relationships: unknown[] } })
      .suggestFacts.relationships;
    // unnamed officials: reported, in their voice
    expect(rels).toContainEqual(
      expect.objectContaining({
        type: 'REJECTED',
        from: { id: 'afghanistan' },
        evidence: expect.objectContaining({
          framing: 'REPORTED',
          voice: { text: 'Afghan officials', actorId: 'afghanistan' },
        }) as unknown,
      }),
    );
  });

  it('refuses a text over the length limit with BAD_USER_INPUT', async () => {
    const res = await gql(QUERY, { text: 'a'.repeat(50_001) });
    expect(res.errors?.[0]).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', argument: 'text' },
    });
  });
});
