/**
 * Reads the members of a zip archive in memory (never extracting to disk), refusing zip bombs.
 *
 * Why not yauzl: on OSV's PyPI all.zip (7,080 members) yauzl's per-entry streams took 1.2-3.7 s
 * to read and parse everything; reading the central directory here and inflating each member
 * with zlib.inflateRawSync takes about 0.3 s. Limits are enforced on the bytes zlib actually
 * produces (maxOutputLength), so a member that lies about its size is stopped all the same.
 * Opening an archive reads only its end records and central directory; members are then read
 * from the whole file when most are wanted, or one by one when a few are.
 */
import { readSync } from 'node:fs'
import { open, type FileHandle } from 'node:fs/promises'
import zlib from 'node:zlib'
import { ParseError } from '../shared/errors.js'

export interface ZipLimits {
  /** Members in the central directory, counting directories and skipped ones. */
  maxEntries: number
  /** Inflated bytes of one member. */
  maxEntryBytes: number
  /** Inflated bytes of all members read, and the size of the archive itself. */
  maxTotalBytes: number
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 200_000,
  maxEntryBytes: 8 * 1024 * 1024,
  maxTotalBytes: 256 * 1024 * 1024
}

const EOCD = 0x06054b50
const ZIP64_LOCATOR = 0x07064b50
const ZIP64_EOCD = 0x06064b50
const CENTRAL_HEADER = 0x02014b50
const LOCAL_HEADER = 0x04034b50
const U32_MAX = 0xffffffff
/** The end record (22 bytes), its longest comment and the ZIP64 locator before it. */
const TAIL_BYTES = 22 + 0xffff + 20
/** Below this share of the archive's bytes, wanted members are read one by one. */
const WHOLE_FILE_SHARE = 0.25

interface Member {
  name: string
  flags: number
  method: number
  crc: number
  compressedSize: number
  size: number
  localHeaderOffset: number
}

type Problem = (detail: string) => ParseError
/** How many more bytes a member may inflate to, and which limit says so. */
interface Budget {
  bytes: number
  limit: string
}
/** `length` bytes of the archive from `offset`, or fewer at its end. */
type ReadAt = (offset: number, length: number) => Buffer

export class ZipArchive {
  private constructor(
    private readonly handle: FileHandle,
    private readonly problem: Problem,
    private readonly limits: ZipLimits,
    /** Bytes in the archive file. */
    readonly size: number,
    private readonly members: readonly Member[]
  ) {}

  /** Reads the archive's directory. Throws ParseError naming `file` if it is not a sound zip. */
  static async open(file: string, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Promise<ZipArchive> {
    const problem: Problem = detail => new ParseError({ file }, detail)
    const handle = await open(file)
    try {
      const { size } = await handle.stat()
      if (size > limits.maxTotalBytes) {
        throw problem(`is ${size} bytes, over the total limit of ${limits.maxTotalBytes} bytes`)
      }
      const members = readCentralDirectory(fileReader(handle), size, limits, problem)
      return new ZipArchive(handle, problem, limits, size, members)
    } catch (error) {
      await handle.close()
      throw error
    }
  }

  /** Names of the members that are files (not folders), in central-directory order. */
  get fileNames(): string[] {
    return this.members.filter(member => !member.name.endsWith('/')).map(member => member.name)
  }

  /**
   * Calls `onMember` with the inflated bytes of every file member whose name `wanted` accepts,
   * in central-directory order. Throws ParseError naming the archive (and member) on anything
   * malformed or over a limit.
   */
  async read(
    wanted: (name: string) => boolean,
    onMember: (name: string, data: Buffer) => void
  ): Promise<void> {
    const { limits, problem } = this
    const chosen = this.members.filter(member => !member.name.endsWith('/') && wanted(member.name))
    const packed = chosen.reduce((sum, member) => sum + member.compressedSize, 0)
    const fromFile = fileReader(this.handle)
    const readAt =
      packed > this.size * WHOLE_FILE_SHARE ? bufferReader(fromFile(0, this.size)) : fromFile
    let total = 0
    for (const member of chosen) {
      const inMember: Problem = detail => problem(`member ${JSON.stringify(member.name)} ${detail}`)
      if (member.size > limits.maxEntryBytes) {
        throw inMember(
          `declares ${member.size} bytes, over the per-file limit of ${limits.maxEntryBytes} bytes`
        )
      }
      const left = limits.maxTotalBytes - total
      const budget: Budget =
        left < limits.maxEntryBytes
          ? { bytes: left, limit: `the total limit of ${limits.maxTotalBytes} bytes` }
          : {
              bytes: limits.maxEntryBytes,
              limit: `the per-file limit of ${limits.maxEntryBytes} bytes`
            }
      const data = memberBytes(readAt, this.size, member, budget, inMember)
      total += data.length
      onMember(member.name, data)
    }
  }

  close(): Promise<void> {
    return this.handle.close()
  }
}

/**
 * Synchronous reads: a round trip through libuv's thread pool per read cost more than the read
 * itself for the few kilobytes of a member, and nothing else runs meanwhile.
 */
function fileReader(handle: FileHandle): ReadAt {
  return (offset, length) => {
    const buffer = Buffer.allocUnsafe(length)
    let filled = 0
    while (filled < length) {
      const read = readSync(handle.fd, buffer, filled, length - filled, offset + filled)
      if (read === 0) break
      filled += read
    }
    return buffer.subarray(0, filled)
  }
}

function bufferReader(zip: Buffer): ReadAt {
  return (offset, length) => zip.subarray(offset, offset + length)
}

function readCentralDirectory(
  readAt: ReadAt,
  size: number,
  limits: ZipLimits,
  problem: Problem
): Member[] {
  const tailStart = Math.max(0, size - TAIL_BYTES)
  const tail = readAt(tailStart, size - tailStart)
  const end = findEndOfCentralDirectory(tail)
  if (end === undefined) throw problem('is not a zip archive (no end of central directory)')
  let count = tail.readUInt16LE(end + 10)
  let offset = tail.readUInt32LE(end + 16)
  let directoryEnd = tailStart + end
  if (count === 0xffff || offset === U32_MAX) {
    const locator = end - 20
    if (locator < 0 || tail.readUInt32LE(locator) !== ZIP64_LOCATOR) throw problem(DAMAGED_ZIP64)
    const at = within(tail.readBigUInt64LE(locator + 8), size - 56, problem)
    const record = readAt(at, 56)
    if (record.length < 56 || record.readUInt32LE(0) !== ZIP64_EOCD) throw problem(DAMAGED_ZIP64)
    count = within(record.readBigUInt64LE(32), Number.MAX_SAFE_INTEGER, problem)
    offset = within(record.readBigUInt64LE(48), size, problem)
    directoryEnd = at
  }
  if (count > limits.maxEntries) {
    throw problem(`has ${count} members, over the limit of ${limits.maxEntries}`)
  }
  if (offset > directoryEnd) throw problem(DAMAGED_DIRECTORY)
  const directory = readAt(offset, directoryEnd - offset)

  const members: Member[] = []
  let at = 0
  for (let i = 0; i < count; i++) {
    if (at + 46 > directory.length || directory.readUInt32LE(at) !== CENTRAL_HEADER) {
      throw problem(DAMAGED_DIRECTORY)
    }
    const nameEnd = at + 46 + directory.readUInt16LE(at + 28)
    const extraEnd = nameEnd + directory.readUInt16LE(at + 30)
    const next = extraEnd + directory.readUInt16LE(at + 32)
    if (next > directory.length) throw problem(DAMAGED_DIRECTORY)
    const member: Member = {
      // OSV names are ASCII; UTF-8 also covers the zip "language encoding" flag.
      name: directory.toString('utf8', at + 46, nameEnd),
      flags: directory.readUInt16LE(at + 8),
      method: directory.readUInt16LE(at + 10),
      crc: directory.readUInt32LE(at + 16),
      compressedSize: directory.readUInt32LE(at + 20),
      size: directory.readUInt32LE(at + 24),
      localHeaderOffset: directory.readUInt32LE(at + 42)
    }
    readZip64Extra(directory.subarray(nameEnd, extraEnd), member, problem)
    members.push(member)
    at = next
  }
  return members
}

const DAMAGED_ZIP64 = 'has a damaged ZIP64 directory'
const DAMAGED_DIRECTORY = 'has a damaged central directory'

function findEndOfCentralDirectory(tail: Buffer): number | undefined {
  // The record is 22 bytes plus a comment of at most 65,535 bytes, at the very end.
  for (let at = tail.length - 22; at >= Math.max(0, tail.length - 22 - 0xffff); at--) {
    if (tail.readUInt32LE(at) === EOCD) return at
  }
  return undefined
}

/** Sizes and offsets that do not fit 32 bits live in the ZIP64 extra field (id 0x0001). */
function readZip64Extra(extra: Buffer, member: Member, problem: Problem): void {
  const { size, compressedSize, localHeaderOffset } = member
  if (size !== U32_MAX && compressedSize !== U32_MAX && localHeaderOffset !== U32_MAX) return
  const fields = ['size', 'compressedSize', 'localHeaderOffset'] as const
  for (let at = 0; at + 4 <= extra.length; at += 4 + extra.readUInt16LE(at + 2)) {
    if (extra.readUInt16LE(at) !== 0x0001) continue
    const fieldEnd = Math.min(extra.length, at + 4 + extra.readUInt16LE(at + 2))
    let cursor = at + 4
    for (const field of fields) {
      if (member[field] !== U32_MAX || cursor + 8 > fieldEnd) continue
      member[field] = within(extra.readBigUInt64LE(cursor), Number.MAX_SAFE_INTEGER, problem)
      cursor += 8
    }
    return
  }
}

function within(value: bigint, max: number, problem: Problem): number {
  if (value > BigInt(max)) throw problem(DAMAGED_ZIP64)
  return Number(value)
}

function memberBytes(
  readAt: ReadAt,
  size: number,
  member: Member,
  budget: Budget,
  problem: Problem
): Buffer {
  if ((member.flags & 0x1) !== 0) throw problem('is encrypted, which is not supported')
  const at = member.localHeaderOffset
  const header = at + 30 > size ? undefined : readAt(at, 30)
  if (header?.length !== 30 || header.readUInt32LE(0) !== LOCAL_HEADER) {
    throw problem('has a damaged local header')
  }
  const start = at + 30 + header.readUInt16LE(26) + header.readUInt16LE(28)
  if (start + member.compressedSize > size) throw problem('runs past the end of the archive')
  const raw = readAt(start, member.compressedSize)
  if (raw.length !== member.compressedSize) throw problem('runs past the end of the archive')
  const data = decode(raw, member.method, budget, problem)
  if (data.length > budget.bytes) throw problem(`inflates past ${budget.limit}`)
  if (data.length !== member.size) {
    throw problem(`declares ${member.size} bytes but holds ${data.length}`)
  }
  // zlib.crc32 arrived in Node 20.15; without it the size check and JSON parsing still guard.
  if (typeof zlib.crc32 === 'function' && zlib.crc32(data) >>> 0 !== member.crc) {
    throw problem('fails its checksum (corrupt archive)')
  }
  return data
}

function decode(raw: Buffer, method: number, budget: Budget, problem: Problem): Buffer {
  const overLimit = () => problem(`inflates past ${budget.limit}`)
  if (method === 0) {
    if (raw.length > budget.bytes) throw overLimit()
    return raw
  }
  if (method !== 8) throw problem(`uses compression method ${method}, which is not supported`)
  try {
    // maxOutputLength makes zlib stop at the budget, whatever size the member declares.
    return zlib.inflateRawSync(raw, { maxOutputLength: Math.max(budget.bytes, 1) })
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE') throw overLimit()
    throw problem('has corrupt compressed data')
  }
}
