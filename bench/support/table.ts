/** Fixed-width text tables for benchmark output: the first column left, figures right. */
export function formatTable(
  header: readonly string[],
  rows: readonly (readonly string[])[]
): string {
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map(row => (row[column] ?? '').length))
  )
  const line = (row: readonly string[]) =>
    row
      .map((cell, column) =>
        column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!)
      )
      .join('  ')
  const rule = widths.map(width => '-'.repeat(width)).join('  ')
  return [line(header), rule, ...rows.map(line)].join('\n')
}

/** Milliseconds (or any count) as a whole number with thousands separators. */
export const whole = (value: number): string => Math.round(value).toLocaleString('en-US')
