/**
 * "Did you mean ...?" for a mistyped option or value. The nearest candidate by edit distance
 * (a swap of two neighbouring letters counts as one edit, as in "hihg"), offered only when it
 * is close enough to be a typo and not a different word, or the only candidate that begins with what was typed.
 */
export function nearest(word: string, candidates: readonly string[]): string | undefined {
  const typed = word.toLowerCase()
  // A unique abbreviation counts too: "crit" -> "critical".
  const completions = candidates.filter(candidate => candidate.toLowerCase().startsWith(typed))
  if (typed.length >= 3 && completions.length === 1) return completions[0]
  // One edit per three letters: "sevrity" -> "severity", but "nvd" is not a typo of "osv".
  const allowed = Math.max(1, Math.floor(typed.length / 3))
  let best: string | undefined
  let bestDistance = allowed + 1
  for (const candidate of candidates) {
    const distance = editDistance(typed, candidate.toLowerCase())
    if (distance < bestDistance) {
      best = candidate
      bestDistance = distance
    }
  }
  return best
}

/**
 * Optimal string alignment distance: insertions, deletions, substitutions and transpositions
 * of adjacent characters. Written out rather than imported: it is these few lines, and the
 * inputs are flag names and choice words, never long.
 */
export function editDistance(a: string, b: string): number {
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0))
  )
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let distance = Math.min(
        rows[i - 1]![j]! + 1,
        rows[i]![j - 1]! + 1,
        rows[i - 1]![j - 1]! + cost
      )
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        distance = Math.min(distance, rows[i - 2]![j - 2]! + 1)
      }
      rows[i]![j] = distance
    }
  }
  return rows[a.length]![b.length]!
}
