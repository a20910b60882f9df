/**
 * Reads and writes the advisory cache's pack file (src/advisories/record-pack.ts) the way a
 * test, or another job forging it, would: header and bodies as text, lengths recomputed.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'

export interface PackFile {
  format: number
  /** [id, modified, body length, day last used], in the pack's order. */
  records: [string, string, number, number][]
  pins: unknown
  /** id -> body text. */
  bodies: Map<string, string>
}

export function packFile(cacheDir: string): string {
  return path.join(cacheDir, 'osv-records.pack')
}

export function readPackFile(cacheDir: string): PackFile {
  const bytes = readFileSync(packFile(cacheDir))
  const headerEnd = bytes.indexOf(0x0a)
  const header = JSON.parse(bytes.toString('utf8', 0, headerEnd)) as Omit<PackFile, 'bodies'>
  const bodies = new Map<string, string>()
  let at = headerEnd + 1
  for (const [id, , length] of header.records) {
    bodies.set(id, bytes.toString('utf8', at, at + length))
    at += length + 1
  }
  return { ...header, bodies }
}

/** Writes `pack` back, each record's length taken from its body as it is now. */
export function writePackFile(cacheDir: string, pack: PackFile): void {
  const records = pack.records.map(([id, modified, , day]) => {
    const length = Buffer.byteLength(pack.bodies.get(id) ?? '')
    return [id, modified, length, day]
  })
  const header = JSON.stringify({ format: pack.format, records, pins: pack.pins })
  const text = [header, ...pack.records.map(([id]) => pack.bodies.get(id) ?? '')].join('\n')
  writeFileSync(packFile(cacheDir), `${text}\n`)
}
