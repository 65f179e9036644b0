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
  if (value === null || value === undefined) return null;
  if (isInt(value)) {
    if (!value.inSafeRange())
      throw new RangeError(`integer ${value.toString()} does not fit a GraphQL Int or Float`);
    return value.toNumber();
  }
  if (Array.isArray(value)) return value.map(toPlainValue);
  if (typeof value === 'object') {
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
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = toPlainValue(v);
    return out;
  }
  return value;
}
