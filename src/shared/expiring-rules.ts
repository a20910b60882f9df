/**
 * Ignore rules with an expiry date, whatever they match (advisories, package-health findings):
 * which rule ignores each finding, and what to tell the user of rules past their date or unused.
 * Pure: the date is an argument, never the clock. `until` is the first day a rule no longer
 * applies (src/pipeline/ignores.ts says why).
 */
import { plural } from './text.js'

export interface ExpiringRule {
  /** YYYY-MM-DD: the first day the rule no longer applies. */
  until?: string
}

/** A rule worth telling the user about, with the message to show. */
export interface RuleNotice<Rule> {
  rule: Rule
  message: string
}

export interface RulesApplied<Finding, Rule> {
  /** Findings no live rule ignores, in the order given. */
  active: Finding[]
  /** Findings a live rule ignores, with the first such rule (in the order given). */
  ignored: Array<{ finding: Finding; rule: Rule }>
  /** Rules past their date: they no longer apply (a warning each). */
  expired: RuleNotice<Rule>[]
  /** Live rules that matched no finding (a notice each, so stale entries get removed). */
  unused: RuleNotice<Rule>[]
}

export function isExpired(rule: ExpiringRule, today: string): boolean {
  // ISO dates compare correctly as strings.
  return rule.until !== undefined && today >= rule.until
}

/**
 * Applies `rules` to `findings` on `today` (YYYY-MM-DD). Every rule that matches a finding counts
 * as used, not just the one that ignores it: a duplicate entry is redundant, not stale, and must
 * not be reported as matching nothing. `describe` names a rule in the notices.
 */
export function applyExpiringRules<Finding, Rule extends ExpiringRule>(
  findings: readonly Finding[],
  rules: readonly Rule[],
  today: string,
  matches: (rule: Rule, finding: Finding) => boolean,
  describe: (rule: Rule) => string
): RulesApplied<Finding, Rule> {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today))
    throw new Error(`today must be YYYY-MM-DD, got '${today}'`)
  const matchCount = new Map<Rule, number>(rules.map(rule => [rule, 0]))
  const outcome: RulesApplied<Finding, Rule> = { active: [], ignored: [], expired: [], unused: [] }
  for (const finding of findings) {
    const matching = rules.filter(rule => matches(rule, finding))
    for (const rule of matching) matchCount.set(rule, matchCount.get(rule)! + 1)
    const rule = matching.find(candidate => !isExpired(candidate, today))
    if (rule === undefined) outcome.active.push(finding)
    else outcome.ignored.push({ finding, rule })
  }
  for (const rule of rules) {
    const count = matchCount.get(rule)!
    if (isExpired(rule, today)) {
      const effect =
        count === 0
          ? 'it matches no current finding, so it can be removed'
          : `${plural(count, 'finding')} it covered ${count === 1 ? 'is' : 'are'} reported again`
      outcome.expired.push({
        rule,
        message: `${describe(rule)} expired on ${rule.until}: ${effect}.`
      })
    } else if (count === 0) {
      const message = `${describe(rule)} matched no finding; remove it if it is no longer needed.`
      outcome.unused.push({ rule, message })
    }
  }
  return outcome
}
