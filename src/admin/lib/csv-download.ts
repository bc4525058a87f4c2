import { sdk } from "./sdk"

/**
 * Asks a list route for its `format=csv` export with the page's filters and saves it as a
 * file. Goes through the SDK so the request carries the admin's session like any other.
 */
export const downloadCsv = async (
  path: string,
  query: Record<string, unknown>,
  filename: string
): Promise<void> => {
  const response = await sdk.client.fetch<Response>(path, {
    query: { ...query, format: "csv" },
    headers: { accept: "text/csv" },
  })
  const blob = await response.blob()
  const url = URL.createObjectURL(blob)
  const link = document.createElement("a")
  link.href = url
  link.download = filename
  document.body.appendChild(link)
  link.click()
  link.remove()
  URL.revokeObjectURL(url)
}
