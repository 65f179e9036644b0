import { describe, expect, it } from 'vitest';

import { schemaObjectName, schemaStatements } from '../src/db/apply-schema.ts';

describe('cypher/schema.cypher', () => {
  it('names every index and constraint, once, so a restart can skip those that exist', async () => {
    const statements = await schemaStatements();
    expect(statements.length).toBeGreaterThan(10);
    const names = statements.map((s) => schemaObjectName(s));
    expect(names.filter((n) => n === undefined)).toEqual([]);
    expect(new Set(names).size).toBe(names.length);
  });

  it('reads the name from each form of CREATE … IF NOT EXISTS, and none from other text', () => {
    expect(
      schemaObjectName('CREATE CONSTRAINT a_id IF NOT EXISTS FOR (n:A) REQUIRE n.id IS UNIQUE'),
    ).toBe('a_id');
    expect(schemaObjectName('CREATE INDEX a_kind IF NOT EXISTS FOR (n:A) ON (n.kind)')).toBe(
      'a_kind',
    );
    expect(
      schemaObjectName('CREATE FULLTEXT INDEX search IF NOT EXISTS\nFOR (n:A) ON EACH [n.name]'),
    ).toBe('search');
    expect(schemaObjectName('CREATE INDEX FOR (n:A) ON (n.kind)')).toBeUndefined();
    expect(schemaObjectName('CREATE INDEX a_kind FOR (n:A) ON (n.kind)')).toBeUndefined();
  });
});
