import { MedusaResponse } from "@medusajs/framework/http"
import { MathBN } from "@medusajs/framework/utils"
import { json2csv } from "json-2-csv"

/** A column of a CSV export: its header and how to read it from a row. */
export type CsvColumn<T> = { header: string; value: (row: T) => unknown }

/** A money column as its exact stored decimal (from `raw_<field>`), not a rounded JS number. */
export const exactDecimal = (row: Record<string, any>, field: string): string | null => {
  const value = row[`raw_${field}`]?.value ?? row[field]
  return value == null ? null : MathBN.convert(value).toFixed()
}

/**
 * The one CSV writer of the plugin: a header row, then one line per row, quoted and escaped
 * by json-2-csv (what Medusa's own exports use). Dates become ISO strings.
 */
export function toCsv<T>(rows: T[], columns: CsvColumn<T>[]): string {
  const records = rows.map((row) =>
    Object.fromEntries(
      columns.map((c) => {
        const value = c.value(row)
        return [c.header, value instanceof Date ? value.toISOString() : value ?? ""]
      })
    )
  )
  return json2csv(records, {
    keys: columns.map((c) => c.header),
    emptyFieldValue: "",
    expandNestedObjects: false,
    checkSchemaDifferences: false,
    excelBOM: false,
  })
}

export function sendCsv<T>(res: MedusaResponse, filename: string, rows: T[], columns: CsvColumn<T>[]) {
  res.setHeader("Content-Type", "text/csv; charset=utf-8")
  res.setHeader("Content-Disposition", `attachment; filename="${filename}"`)
  res.status(200).send(toCsv(rows, columns))
}
