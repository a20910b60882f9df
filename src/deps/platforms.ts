/**
 * The platforms an audit can be narrowed to (input `platform`), and the marker values each
 * one's Python reports. A module of its own: the input table names them without loading the
 * marker evaluator.
 */
export const TARGET_PLATFORMS = ['linux', 'windows', 'macos'] as const
export type TargetPlatform = (typeof TARGET_PLATFORMS)[number]

export const PLATFORM_VARIABLES: Record<
  TargetPlatform,
  { sys_platform: string; platform_system: string; os_name: string }
> = {
  linux: { sys_platform: 'linux', platform_system: 'Linux', os_name: 'posix' },
  windows: { sys_platform: 'win32', platform_system: 'Windows', os_name: 'nt' },
  macos: { sys_platform: 'darwin', platform_system: 'Darwin', os_name: 'posix' }
}
