/**
 * The pack's bodies made on another core. A cold run's main thread is busy from the first
 * record-bearing answer to the end (reading ~2,000 records, matching, upgrades, reports), and
 * making the bodies the pack keeps (recordBody: a JSON text per record) was ~30 ms of it plus
 * the garbage. A worker thread reads the same answers' texts and makes them beside it; flush
 * takes them and makes only what is missing itself. A worker that cannot start or fails costs
 * nothing but its bodies: flush makes them.
 *
 * The worker runs the process's own entry file (the bundle), which serves as the worker when
 * started with RECORD_BODIES_ARG in a worker thread (main.ts): no second bundle to ship.
 */
import type { Worker } from 'node:worker_threads'
import type { Logger } from '../shared/log.js'
import type { BodiesWanted, MadeBodies } from './record-body-worker.js'

/** What the entry is started with in the worker thread. */
export const RECORD_BODIES_ARG = '--pyaudit-record-bodies-worker'

/**
 * Fewer record-bearing requests than this are not worth a thread: starting one costs ~30 ms
 * of the other core and ~1 ms of this one.
 */
export const MIN_REQUESTS = 8

/** How long flush waits for the thread's last bodies before making them itself. */
const FINISH_WAIT_MS = 5000

export interface RecordBodyMaker {
  /** A run is about to ask for records in `requests` requests. */
  expect(requests: number): void
  /**
   * An answer holding full records, as the bytes it came as, taken over (the caller does not
   * read them again); bodies are made for the records `only` names, all when not given.
   * False: not taken.
   */
  received(bytes: Uint8Array, only?: ReadonlySet<string>): boolean
  /** The bodies made, by bodyKey, once every text received is read; ends the worker. */
  finish(): Promise<ReadonlyMap<string, Buffer>>
}

let workerEntry: URL | undefined

/** Set by the entry (main.ts): the file a worker thread starts from. */
export function makeRecordBodiesWith(entry: URL): void {
  workerEntry = entry
}

/** A maker when the entry provided one, else undefined (bodies are made in this thread). */
export function recordBodyMaker(logger: Logger): RecordBodyMaker | undefined {
  return workerEntry === undefined ? undefined : new WorkerBodyMaker(workerEntry, logger)
}

export class WorkerBodyMaker implements RecordBodyMaker {
  private worker: Promise<Worker | undefined> | undefined
  private readonly bodies = new Map<string, Buffer>()
  private pending = 0
  private failed = false
  private settle: (() => void) | undefined

  constructor(
    private readonly entry: URL,
    private readonly logger: Logger,
    private readonly minRequests = MIN_REQUESTS
  ) {}

  expect(requests: number): void {
    if (requests >= this.minRequests) this.start()
  }

  received(bytes: Uint8Array, only?: ReadonlySet<string>): boolean {
    if (this.worker === undefined || this.failed) return false
    this.pending++
    // Handed over, not copied (a structured clone of a run's answers cost ~15 ms of this
    // thread), unless they share their memory with other buffers.
    const own = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength
    const sent = own ? bytes : new Uint8Array(bytes)
    const message: BodiesWanted = { bytes: sent, only: only && [...only] }
    void this.worker.then(worker => worker?.postMessage(message, [sent.buffer as ArrayBuffer]))
    return true
  }

  async finish(): Promise<ReadonlyMap<string, Buffer>> {
    const worker = await this.worker
    if (worker === undefined) return this.bodies
    if (this.pending > 0 && !this.failed) {
      // The thread reads what this one has read already, so it is never far behind; should
      // it be stuck, this thread makes what is missing rather than wait on it.
      await new Promise<void>(resolve => {
        this.settle = resolve
        setTimeout(() => this.fail(`no answer within ${FINISH_WAIT_MS} ms`), FINISH_WAIT_MS).unref()
      })
    }
    await worker.terminate()
    return this.bodies
  }

  private start(): void {
    this.worker ??= import('node:worker_threads').then(
      ({ Worker }) => {
        let worker: Worker
        try {
          worker = new Worker(this.entry, {
            argv: [RECORD_BODIES_ARG],
            stdout: true,
            stderr: true
          })
        } catch (error) {
          this.fail(error)
          return undefined
        }
        // Never what keeps the process alive: flush ends it, or the process exits.
        worker.unref()
        worker.on('message', (made: MadeBodies) => this.take(made))
        worker.on('error', error => this.fail(error))
        worker.on('exit', () => this.fail(undefined))
        return worker
      },
      (error: unknown) => {
        this.fail(error)
        return undefined
      }
    )
  }

  private take({ keys, offsets, bytes }: MadeBodies): void {
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    keys.forEach((key, i) => {
      this.bodies.set(key, buffer.subarray(offsets[i], offsets[i + 1]))
    })
    if (--this.pending === 0) this.settle?.()
  }

  private fail(error: unknown): void {
    if (this.failed) return
    this.failed = true
    if (error !== undefined) {
      this.logger.debug(`Record cache: the worker making bodies stopped (${String(error)})`)
    }
    this.settle?.()
  }
}
