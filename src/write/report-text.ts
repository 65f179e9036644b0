/**
 * A report's identity is its text: the SHA-256 of the text with line endings unified and
 * surrounding whitespace trimmed. The same text added twice is the same report.
 */
import { createHash } from 'node:crypto';

export function normaliseReportText(text: string): string {
  return text.replace(/\r\n?/g, '\n').trim();
}

export function reportContentHash(text: string): string {
  return createHash('sha256').update(normaliseReportText(text)).digest('hex');
}

/** The id a report added without one gets: `report-` and the first 12 hex of its hash. */
export function reportIdFor(hash: string): string {
  return `report-${hash.slice(0, 12)}`;
}
