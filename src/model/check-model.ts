/**
 * Consistency of the vocabulary with itself: every field binding follows its relationship
 * in a direction its labels allow, toward a target its labels allow; no GraphQL field is
 * bound twice; every reference names known labels. Returns one message per problem.
 */
import { ENUMS } from './enums.ts';
import { NODE_KINDS, NODE_LABELS, NODE_TYPES, isNodeLabel } from './node-kinds.ts';
import type { PropertySpec } from './property.ts';
import { RELATIONSHIPS, RELATIONSHIP_TYPES, type RelationshipSpec } from './relationships.ts';

export function modelProblems(): string[] {
  const problems: string[] = [];
  const bound = new Map<string, string>();
  for (const type of RELATIONSHIP_TYPES) {
    const spec: RelationshipSpec = RELATIONSHIPS[type];
    for (const b of spec.fields) {
      const near = b.direction === 'out' ? spec.from : spec.to;
      const far = b.direction === 'out' ? spec.to : spec.from;
      const where = `${b.on}.${b.field} (${type}, ${b.direction})`;
      if (!near.includes(b.on))
        problems.push(
          `${where}: ${b.on} is not a ${b.direction === 'out' ? 'start' : 'end'} label of ${type}`,
        );
      const targets =
        b.target === 'Node' ? far.filter((l) => NODE_TYPES.includes(l as never)) : [b.target];
      if (targets.length === 0 || !targets.every((t) => far.includes(t)))
        problems.push(
          `${where}: target ${b.target} is not a ${b.direction === 'out' ? 'end' : 'start'} label of ${type}`,
        );
      const key = `${b.on}.${b.field}`;
      const previous = bound.get(key);
      if (previous) problems.push(`${key} is bound to both ${previous} and ${type}`);
      bound.set(key, type);
      // A `ref` property may share its name with the field that follows its relationship.
      const property = (NODE_KINDS[b.on].properties as Record<string, PropertySpec>)[b.field];
      if (property && property.type !== 'ref')
        problems.push(`${key} is both a property and a relationship field`);
    }
    for (const [name, p] of Object.entries(spec.properties))
      problems.push(...propertyProblems(`${type}.${name}`, p));
  }
  for (const label of NODE_LABELS)
    for (const [name, p] of Object.entries(
      NODE_KINDS[label].properties as Record<string, PropertySpec>,
    ))
      problems.push(...propertyProblems(`${label}.${name}`, p));
  return problems;
}

function propertyProblems(where: string, p: PropertySpec): string[] {
  if (p.type === 'ref')
    return p.to.filter((l) => !isNodeLabel(l)).map((l) => `${where} refers to unknown label ${l}`);
  if (p.type === 'enum' && !Object.hasOwn(ENUMS, p.enum))
    return [`${where}: unknown enum ${p.enum}`];
  return [];
}
