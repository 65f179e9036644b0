/**
 * The relationship types the suggester codes and the kind of node each points at — the
 * model's own rules (src/model/relationships.ts; tests/explorer-vocabulary.test.ts checks
 * this table against it). An edited candidate may change its type only within its target's
 * kind; the server checks every relationship again.
 */
export type TargetKind = 'DEMAND' | 'MEETING' | 'INCIDENT' | 'STATEMENT';

export const RELATIONSHIP_TARGETS: Record<string, TargetKind> = {
  DEMANDED: 'DEMAND',
  REJECTED: 'DEMAND',
  ACCEPTED: 'DEMAND',
  COUNTERED: 'DEMAND',
  MEDIATED: 'MEETING',
  HOSTED: 'MEETING',
  ATTENDED: 'MEETING',
  CARRIED_OUT: 'INCIDENT',
  BLAMED_FOR: 'INCIDENT',
  ACCUSED: 'INCIDENT',
  STATED: 'STATEMENT',
};

/** The types an edited candidate pointing at `kind` may take. */
export const typesFor = (kind: string): string[] =>
  Object.keys(RELATIONSHIP_TARGETS).filter((t) => RELATIONSHIP_TARGETS[t] === kind);
