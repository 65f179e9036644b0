/** Driver values → GraphQL values: lossless integers, temporal values as ISO strings. */
import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';

import { toPlainValue } from '../src/graph/to-plain-value.ts';

describe('values', () => {
  it('converts Neo4j integers without loss and refuses ones a JavaScript number cannot hold', () => {
    expect(toPlainValue(neo4j.int(5))).toBe(5);
    expect(() => toPlainValue(neo4j.int('9007199254740993'))).toThrow(/does not fit/);
  });

  it('keeps a temporal value’s precision', () => {
    expect(toPlainValue(new neo4j.types.Date(2026, 1, 8))).toBe('2026-01-08');
    expect(toPlainValue({ when: new neo4j.types.LocalDateTime(2026, 1, 8, 9, 26, 0, 0) })).toEqual({
      when: '2026-01-08T09:26:00',
    });
  });
});
