/**
 * undici parses HTTP with llhttp compiled to WebAssembly. V8 starts it on its baseline
 * compiler (Liftoff) and, once it is hot, recompiles it with TurboFan on a background thread.
 * A run of a few hundred milliseconds never earns that back, and on Node 20 the process
 * cannot exit until the recompilation finishes: measured, 130-150 ms between the last line
 * of output and the end of a warm 200-pin run on two cores. Keeping wasm on Liftoff removes
 * the wait (Node 24 cancels the job itself, and is unchanged).
 *
 * Only where Liftoff covers every instruction (x64 and arm64): elsewhere TurboFan is the only
 * wasm compiler V8 has, and forbidding it would break llhttp.
 */
import { setFlagsFromString } from 'node:v8'

export function keepWasmOnBaselineCompiler(arch: string = process.arch): boolean {
  if (arch !== 'x64' && arch !== 'arm64') return false
  setFlagsFromString('--liftoff-only')
  return true
}
