/**
 * The runner reads any stdout line that starts with '::' (after leading white space) as a
 * workflow command, and '##[' lines as legacy ones. Untrusted text (package names, file
 * contents, advisory text) must never form one, so such lines get a zero-width space.
 */
export function neutralizeWorkflowCommands(text: string): string {
  return text.replace(
    /(^|[\r\n])([ \t]*)(::|##\[)/g,
    (_match, start: string, indent: string, marker: string) => {
      return `${start}${indent}${marker[0]}\u200b${marker.slice(1)}`
    }
  )
}
