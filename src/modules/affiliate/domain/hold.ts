import { DAY_MS } from "./days"

/** When a sale placed at `placedAt` leaves its hold and becomes payable. */
export function holdEndsAt(placedAt: Date, holdDays: number): Date {
  return new Date(placedAt.getTime() + holdDays * DAY_MS)
}
