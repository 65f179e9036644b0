/** Offset cursors for Relay connections, and the page-size limit. */
import { badUserInput } from '../errors.ts';

export const MAX_PAGE_SIZE = 100;

export function encodeCursor(offset: number): string {
  return Buffer.from(`offset:${offset}`).toString('base64url');
}

/**
 * The offset after `after` (0 without a cursor); refuses, as BAD_USER_INPUT, cursors this
 * API did not issue, including offsets beyond any list (a forged `offset:999…`).
 */
export function decodeCursor(after: string | null | undefined): number {
  if (after === null || after === undefined) return 0;
  const match = /^offset:(\d{1,15})$/.exec(Buffer.from(after, 'base64url').toString('utf8'));
  const offset = Number(match?.[1]);
  if (!match?.[1] || !Number.isSafeInteger(offset))
    throw badUserInput(`after: '${after}' is not a cursor issued by this API`, 'after');
  return offset;
}

export function checkPageSize(first: number | null | undefined, argument = 'first'): number {
  const size = first ?? 20;
  if (!Number.isInteger(size) || size < 0 || size > MAX_PAGE_SIZE) {
    throw badUserInput(
      `${argument} must be between 0 and ${MAX_PAGE_SIZE} (got ${size})`,
      argument,
    );
  }
  return size;
}
