/** PEP 503 name normalisation: lowercase, every run of '-', '_' and '.' becomes one '-'. */
export function normalizeName(name: string): string {
  return name.replace(/[-_.]+/g, '-').toLowerCase()
}
