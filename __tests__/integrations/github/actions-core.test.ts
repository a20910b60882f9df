/**
 * @actions/core loaded late (actions-core.ts): what waits for it runs once it has loaded, in the
 * order it came, and inputs read before it are read as core.getInput reads them.
 */
import { afterEach, describe, expect, test } from '@jest/globals'
import {
  actionInput,
  loadActionsCore,
  withActionsCore
} from '../../../src/integrations/github/actions-core.js'

const saved = { ...process.env }
afterEach(() => {
  for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key]
})

describe('actionInput', () => {
  test('reads what core.getInput reads', async () => {
    const core = await import('@actions/core')
    const env = {
      'INPUT_OSV-URL': '  https://osv.example/  ',
      INPUT_GITHUB_TOKEN: 'ghs_abc\n',
      'INPUT_CACHE-DIR': '',
      'INPUT_WITH SPACE': 'not reachable: spaces become underscores',
      INPUT_WITH_SPACE: 'x'
    }
    Object.assign(process.env, env)
    for (const name of [
      'osv-url',
      'github_token',
      'cache-dir',
      'with space',
      'OSV-URL',
      'absent'
    ]) {
      expect({ name, value: actionInput(name, env) }).toEqual({ name, value: core.getInput(name) })
    }
  })
})

describe('withActionsCore', () => {
  test('waits for the load, then runs everything in order, and at once afterwards', async () => {
    const order: string[] = []
    withActionsCore(() => order.push('mask'))
    withActionsCore(() => {
      order.push('line 1')
      // Queued while the queue is being written: after what was there before it.
      withActionsCore(() => order.push('nested'))
    })
    withActionsCore(() => order.push('line 2'))
    await Promise.resolve()
    expect(order).toEqual([])
    const core = await loadActionsCore()
    expect(typeof core.setSecret).toBe('function')
    expect(order).toEqual(['mask', 'line 1', 'line 2', 'nested'])
    withActionsCore(() => order.push('later'))
    expect(order.at(-1)).toBe('later')
    expect(await loadActionsCore()).toBe(core)
  })
})
