/** Renders result rows as an aligned text table, JSON (an array of objects) or CSV (RFC 4180). */
export type OutputFormat = 'table' | 'json' | 'csv';

type Row = Record<string, unknown>;

const cell = (value: unknown): string => {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && value.every((v) => typeof v !== 'object' || v === null))
    return value.map(cell).join(', ');
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
    return String(value);
  return JSON.stringify(value);
};

export function formatRows(columns: string[], rows: Row[], format: OutputFormat): string {
  if (format === 'json') return JSON.stringify(rows, null, 2);
  if (format === 'csv') {
    const quote = (s: string) => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
    return [
      columns.map(quote).join(','),
      ...rows.map((r) => columns.map((c) => quote(cell(r[c]))).join(',')),
    ].join('\n');
  }
  const maxWidth = 60;
  const clip = (s: string) =>
    (s.length > maxWidth ? `${s.slice(0, maxWidth - 1)}…` : s).replace(/\s+/g, ' ');
  const body = rows.map((r) => columns.map((c) => clip(cell(r[c]))));
  const widths = columns.map((c, i) =>
    Math.max(c.length, ...body.map((line) => line[i]?.length ?? 0)),
  );
  const line = (cells: string[]) =>
    cells
      .map((s, i) => s.padEnd(widths[i] ?? 0))
      .join(' │ ')
      .trimEnd();
  const rule = widths.map((w) => '─'.repeat(w)).join('─┼─');
  return [
    line(columns),
    rule,
    ...body.map(line),
    `(${rows.length} row${rows.length === 1 ? '' : 's'})`,
  ].join('\n');
}
