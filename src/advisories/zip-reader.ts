/**
 * Reads the members of a zip archive in memory (never extracting to disk), refusing zip bombs.
 *
 * Why not yauzl: on OSV's PyPI all.zip (7,080 members) yauzl's per-entry streams took 1.2-3.7 s
 * to read and parse everything; reading the central directory here and inflating each member
 * with zlib.inflateRawSync takes about 0.3 s. Limits are enforced on the bytes zlib actually
 * produces (maxOutputLength), so a member that lies about its size is stopped all the same.
 */
import { readFile, stat } from 'node:fs/promises'
import zlib from 'node:zlib'
import { ParseError } from '../errors.js'

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

/**
 * Calls `onMember` with the inflated bytes of every member whose name `wanted` accepts, in
 * central-directory order. Throws ParseError naming the archive (and member) on anything
 * malformed or over a limit.
 */
export async function readZipMembers(
  file: string,
  wanted: (name: string) => boolean,
  onMember: (name: string, data: Buffer) => void,
  limits: ZipLimits = DEFAULT_ZIP_LIMITS
): Promise<void> {
  const problem: Problem = detail => new ParseError({ file }, detail)
  const { size } = await stat(file)
  if (size > limits.maxTotalBytes) {
    throw problem(`is ${size} bytes, over the total limit of ${limits.maxTotalBytes} bytes`)
  }
  const zip = await readFile(file)
  let total = 0
  for (const member of centralDirectory(zip, limits, problem)) {
    if (member.name.endsWith('/') || !wanted(member.name)) continue
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
    const data = memberBytes(zip, member, budget, inMember)
    total += data.length
    onMember(member.name, data)
  }
}

function* centralDirectory(zip: Buffer, limits: ZipLimits, problem: Problem): Generator<Member> {
  const end = findEndOfCentralDirectory(zip)
  if (end === undefined) throw problem('is not a zip archive (no end of central directory)')
  let count = zip.readUInt16LE(end + 10)
  let offset = zip.readUInt32LE(end + 16)
  if (count === 0xffff || offset === U32_MAX) {
    const locator = end - 20
    if (locator < 0 || zip.readUInt32LE(locator) !== ZIP64_LOCATOR) throw problem(DAMAGED_ZIP64)
    const record = within(zip.readBigUInt64LE(locator + 8), zip.length - 56, problem)
    if (zip.readUInt32LE(record) !== ZIP64_EOCD) throw problem(DAMAGED_ZIP64)
    count = within(zip.readBigUInt64LE(record + 32), Number.MAX_SAFE_INTEGER, problem)
    offset = within(zip.readBigUInt64LE(record + 48), zip.length, problem)
  }
  if (count > limits.maxEntries) {
    throw problem(`has ${count} members, over the limit of ${limits.maxEntries}`)
  }

  for (let i = 0; i < count; i++) {
    if (offset + 46 > zip.length || zip.readUInt32LE(offset) !== CENTRAL_HEADER) {
      throw problem(DAMAGED_DIRECTORY)
    }
    const nameEnd = offset + 46 + zip.readUInt16LE(offset + 28)
    const extraEnd = nameEnd + zip.readUInt16LE(offset + 30)
    const next = extraEnd + zip.readUInt16LE(offset + 32)
    if (next > zip.length) throw problem(DAMAGED_DIRECTORY)
    const member: Member = {
      // OSV names are ASCII; UTF-8 also covers the zip "language encoding" flag.
      name: zip.toString('utf8', offset + 46, nameEnd),
      flags: zip.readUInt16LE(offset + 8),
      method: zip.readUInt16LE(offset + 10),
      crc: zip.readUInt32LE(offset + 16),
      compressedSize: zip.readUInt32LE(offset + 20),
      size: zip.readUInt32LE(offset + 24),
      localHeaderOffset: zip.readUInt32LE(offset + 42)
    }
    readZip64Extra(zip.subarray(nameEnd, extraEnd), member, problem)
    yield member
    offset = next
  }
}

const DAMAGED_ZIP64 = 'has a damaged ZIP64 directory'
const DAMAGED_DIRECTORY = 'has a damaged central directory'

function findEndOfCentralDirectory(zip: Buffer): number | undefined {
  // The record is 22 bytes plus a comment of at most 65,535 bytes, at the very end.
  for (let at = zip.length - 22; at >= Math.max(0, zip.length - 22 - 0xffff); at--) {
    if (zip.readUInt32LE(at) === EOCD) return at
  }
  return undefined
}

/** Sizes and offsets that do not fit 32 bits live in the ZIP64 extra field (id 0x0001). */
function readZip64Extra(extra: Buffer, member: Member, problem: Problem): void {
  const fields = ['size', 'compressedSize', 'localHeaderOffset'] as const
  if (!fields.some(field => member[field] === U32_MAX)) return
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

function memberBytes(zip: Buffer, member: Member, budget: Budget, problem: Problem): Buffer {
  if ((member.flags & 0x1) !== 0) throw problem('is encrypted, which is not supported')
  const header = member.localHeaderOffset
  if (header + 30 > zip.length || zip.readUInt32LE(header) !== LOCAL_HEADER) {
    throw problem('has a damaged local header')
  }
  const start = header + 30 + zip.readUInt16LE(header + 26) + zip.readUInt16LE(header + 28)
  if (start + member.compressedSize > zip.length) throw problem('runs past the end of the archive')
  const data = decode(
    zip.subarray(start, start + member.compressedSize),
    member.method,
    budget,
    problem
  )
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
