/**
 * Small Cypher building blocks shared by the translators, all on @neo4j/cypher-builder:
 * parameters (values only ever reach Neo4j as `$parameters`, whole numbers as INTEGER),
 * literals for the query's own constants, and list indexing by an expression.
 */
import Cypher from '@neo4j/cypher-builder';

import { toNeo4jValue } from '../values/neo4j-values.ts';

/** A query parameter holding `value` (named by the builder: `$param0`…). */
export const param = (value: unknown): Cypher.Param => new Cypher.Param(toNeo4jValue(value));

/** A constant of the query itself (never request input). */
export const literal = (value: string | number | boolean): Cypher.Literal =>
  new Cypher.Literal(value);

const emptyList = (): Cypher.List => new Cypher.List([]);

/** `list[index]` for an index expression (the builder's listIndex takes only numbers). */
export const listAt = (list: Cypher.Expr, index: Cypher.Expr): Cypher.Expr =>
  new Cypher.Raw((env) => `${env.compile(list)}[${env.compile(index)}]`);

/** `coalesce(expr, [])`: a list property that may be absent. */
export const listOrEmpty = (expr: Cypher.Expr): Cypher.Expr => Cypher.coalesce(expr, emptyList());

/** `list[0..end]` for an end expression (the builder's listRange takes only numbers). */
export const listUpTo = (list: Cypher.Expr, end: Cypher.Expr): Cypher.Expr =>
  new Cypher.Raw((env) => `${env.compile(list)}[0..${env.compile(end)}]`);
