/**
 * The worker thread's side of record-bodies.ts: it reads the texts of the OSV answers the
 * main thread received and makes the pack body of every record in them that the main thread
 * would keep (read whole by readOsvRecord, not withdrawn), exactly as recordBody makes it
 * there: same text, same parse, same function, so the same bytes.
 */
import { parentPort } from 'node:worker_threads'
import { isObject } from '../shared/json-shape.js'
import { readOsvRecord, type OsvRecord } from './osv.js'
import { recordBody } from './record-pack.js'

/** The bodies made from one answer: body i is bytes[offsets[i], offsets[i + 1]). */
export interface MadeBodies {
  /** bodyKey of each record. */
  keys: string[]
  offsets: number[]
  bytes: Uint8Array
}

/** What the worker is sent: an answer's bytes, and the ids to make bodies for (all: none). */
export interface BodiesWanted {
  bytes: Uint8Array
  only?: string[]
}

/** How flush finds the body of a record: its id and its `modified`. */
export function bodyKey(id: string, modified: string): string {
  return `${id}\n${modified}`
}

/**
 * The bodies of the records in one answer's text: a /v1/query answer ({vulns: [...]}) or one
 * record (/v1/vulns/{id}). Whatever cannot be read gives no body: the main thread reads the
 * same text, fails on it or keeps nothing from it, and makes any body it still needs itself.
 */
export function bodiesOf(text: string, only?: ReadonlySet<string>): MadeBodies {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    value = undefined
  }
  const records = !isObject(value)
    ? []
    : Array.isArray(value.vulns)
      ? (value.vulns as unknown[])
      : [value]
  const keys: string[] = []
  const made: Buffer[] = []
  for (const raw of records) {
    if (!isObject(raw) || typeof raw.id !== 'string' || typeof raw.modified !== 'string') continue
    if (only !== undefined && !only.has(raw.id)) continue
    if (raw.withdrawn != null) continue
    if (readOsvRecord(raw, raw.id, raw.modified).unreadable.length > 0) continue
    const body = recordBody(raw as unknown as OsvRecord)
    if (body === undefined) continue
    keys.push(bodyKey(raw.id, raw.modified))
    made.push(body)
  }
  // One buffer of its own, so that it can be handed over rather than copied.
  const offsets = [0]
  for (const body of made) offsets.push(offsets.at(-1)! + body.byteLength)
  const bytes = new Uint8Array(offsets.at(-1)!)
  made.forEach((body, i) => bytes.set(body, offsets[i]))
  return { keys, offsets, bytes }
}

/** The worker's loop: one answer's bytes in, its bodies out. */
export function serveRecordBodies(): void {
  const port = parentPort
  if (port === null) throw new Error('serveRecordBodies runs in a worker thread')
  port.on('message', ({ bytes, only }: BodiesWanted) => {
    const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8')
    const made = bodiesOf(text, only && new Set(only))
    port.postMessage(made, [made.bytes.buffer as ArrayBuffer])
  })
}
