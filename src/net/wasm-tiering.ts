/**
 * undici parses HTTP with llhttp compiled to WebAssembly. V8 starts it on its baseline
 * compiler (Liftoff) and, once it is hot, recompiles it with TurboFan on a background thread.
 * On Node 20 the process cannot exit until that job finishes: measured, 130-150 ms between
 * the last line of output and the end of a warm 200-pin run on two cores. Keeping wasm on
 * Liftoff removes the wait; a run this short never earns the recompilation back anyway.
 *
 * Only on Node 20: Node 22 and 24 drop the job at exit. Changing a V8 flag at run time also
 * makes V8 refuse Node's code cache for every built-in module loaded afterwards (+87M
 * instructions when set at start-up), so the caller sets it once the bundle has loaded.
 * Only where Liftoff covers every instruction (x64 and arm64): elsewhere TurboFan is the only
 * wasm compiler V8 has, and forbidding it would break llhttp.
 */
import { setFlagsFromString } from 'node:v8'

export function keepWasmOnBaselineCompiler(
  arch: string = process.arch,
  nodeVersion: string = process.versions.node
): boolean {
  const major = Number(nodeVersion.split('.')[0])
  if (!(major < 22) || (arch !== 'x64' && arch !== 'arm64')) return false
  setFlagsFromString('--liftoff-only')
  return true
}
