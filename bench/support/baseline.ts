/** What pip-audit does against OSV: one POST /v1/query per package, in sequence, over one connection. */
import { JsonClient } from '../../src/net/http.js'
import type { OsvRecord, PackageVersion } from '../../src/advisories/osv.js'

export async function sequentialQueries(
  url: string,
  pins: readonly PackageVersion[]
): Promise<OsvRecord[][]> {
  const client = new JsonClient({ feedName: 'baseline', connections: 1 })
  try {
    const results: OsvRecord[][] = []
    for (const pin of pins) results.push(await queryAllPages(client, url, pin))
    return results.map(records => records.filter(record => !record.withdrawn))
  } finally {
    await client.close()
  }
}

async function queryAllPages(
  client: JsonClient,
  url: string,
  pin: PackageVersion
): Promise<OsvRecord[]> {
  const records: OsvRecord[] = []
  let token: string | undefined
  do {
    const query = {
      package: { name: pin.name, ecosystem: 'PyPI' },
      version: pin.version,
      ...(token ? { page_token: token } : {})
    }
    const page = (await client.postJson(`${url}/v1/query`, query)) as {
      vulns?: OsvRecord[]
      next_page_token?: string
    }
    records.push(...(page.vulns ?? []))
    token = page.next_page_token
  } while (token)
  return records
}
