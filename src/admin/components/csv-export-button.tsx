import { ArrowDownTray } from "@medusajs/icons"
import { Button, toast } from "@medusajs/ui"
import { useState } from "react"
import { errorMessage } from "../lib/api-errors"
import { downloadCsv } from "../lib/csv-download"

type CsvExportButtonProps = {
  /** The list route that answers `format=csv`. */
  path: string
  /** The filters of what is on screen, so the file holds the same rows. */
  query: Record<string, unknown>
  filename: string
  label?: string
}

/** Downloads the CSV export of a list with the filters currently applied. */
export const CsvExportButton = ({ path, query, filename, label = "Export CSV" }: CsvExportButtonProps) => {
  const [isExporting, setIsExporting] = useState(false)
  const exportCsv = async () => {
    setIsExporting(true)
    try {
      // The export holds every matching row, not just the page on screen.
      const { limit: _limit, offset: _offset, ...filters } = query
      await downloadCsv(path, filters, filename)
    } catch (error) {
      toast.error("Export failed", { description: errorMessage(error) })
    } finally {
      setIsExporting(false)
    }
  }
  return (
    <Button size="small" variant="secondary" onClick={exportCsv} isLoading={isExporting} type="button">
      <ArrowDownTray />
      {label}
    </Button>
  )
}
