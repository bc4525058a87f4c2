import { DAY_MS } from "./days"

const floorDay = (d: Date) => new Date(Math.floor(d.getTime() / DAY_MS) * DAY_MS)
const ceilDay = (d: Date) => new Date(Math.ceil(d.getTime() / DAY_MS) * DAY_MS)

/**
 * Which part of a report's [from, to) the daily rollup answers: the whole UTC days inside it
 * that the rollup holds (it holds every day before `rolledUpTo`). The rest, [from, rollFrom)
 * and [rollTo, to), is read from the rows themselves. Null when no whole rolled-up day fits.
 */
export function rollupSpan(from: Date, to: Date, rolledUpTo: Date | null): { rollFrom: Date; rollTo: Date } | null {
  if (!rolledUpTo) {
    return null
  }
  const rollFrom = ceilDay(from)
  const end = floorDay(to)
  const rollTo = floorDay(rolledUpTo) < end ? floorDay(rolledUpTo) : end
  return rollFrom < rollTo ? { rollFrom, rollTo } : null
}
