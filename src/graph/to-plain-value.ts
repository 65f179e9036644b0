/**
 * Converts driver values to plain JSON-ready values for GraphQL: Neo4j integers become
 * numbers (an integer outside JavaScript's safe range is an error, never a silent rounding),
 * temporal values become their ISO strings, which keep their precision ("2026-01-08" stays
 * a date, not a midnight timestamp).
 */
import {
  isDate,
  isDateTime,
  isDuration,
  isInt,
  isLocalDateTime,
  isLocalTime,
  isTime,
} from 'neo4j-driver';

export function toPlainValue(value: unknown): unknown {
  // The usual values first, by the cheapest tests: strings, numbers and booleans as they
  // are; maps and lists as Cypher returns them (plain objects and arrays) member by member.
  switch (typeof value) {
    case 'string':
    case 'number':
    case 'boolean':
      return value;
    case 'undefined':
      return null;
    case 'object':
      break;
    default:
      return value;
  }
  if (value === null) return null;
  if (Array.isArray(value)) {
    const out = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) out[i] = toPlainValue(value[i]);
    return out;
  }
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto === Object.prototype || proto === null)
    return plainMap(value as Record<string, unknown>);
  if (isInt(value)) {
    if (!value.inSafeRange())
      throw new RangeError(`integer ${value.toString()} does not fit a GraphQL Int or Float`);
    return value.toNumber();
  }
  if (
    isDate(value) ||
    isDateTime(value) ||
    isLocalDateTime(value) ||
    isTime(value) ||
    isLocalTime(value) ||
    isDuration(value)
  ) {
    return value.toString();
  }
  // Anything else the driver returns (a node, a relationship, a point): its own fields.
  return plainMap(value as Record<string, unknown>);
}

function plainMap(value: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(value)) out[k] = toPlainValue(value[k]);
  return out;
}
