/**
 * The explorer's few copies of the model's vocabulary stay the model's: the relationship
 * types "Add a report" lets an analyst pick, and the kind of node each points at.
 */
import { describe, expect, it } from 'vitest';

import { RELATIONSHIP_TARGETS } from '../explorer/src/relationship-targets.ts';
import { RELATIONSHIPS } from '../src/model/relationships.ts';
import { SUGGESTED_RELATIONSHIP_TYPES } from '../src/suggest/suggestion-types.ts';

describe('the explorer’s relationship targets', () => {
  it('name, for every type the suggester codes, the one kind of node the model lets it point at', () => {
    for (const type of SUGGESTED_RELATIONSHIP_TYPES) {
      expect(RELATIONSHIPS[type].to, type).toHaveLength(1);
      expect(RELATIONSHIP_TARGETS[type], type).toBe(RELATIONSHIPS[type].to[0]?.toUpperCase());
    }
  });

  it('list only types the model has, each with its single target kind', () => {
    for (const [type, kind] of Object.entries(RELATIONSHIP_TARGETS)) {
      const spec = RELATIONSHIPS[type as keyof typeof RELATIONSHIPS];
      expect(spec, type).toBeDefined();
      expect(spec.from, type).toContain('Actor');
      expect(
        spec.to.map((l) => l.toUpperCase()),
        type,
      ).toEqual([kind]);
    }
  });
});
