import { RiskSignal } from "./signal"

export type VisitorOrdersEvidence = {
  visitor_hash: string | null
  /** Credited orders of this affiliate from that visitor within the window, this one included. */
  orders: number
  max_orders: number
  window_days: number
}

/**
 * Fires when one visitor (hash) placed more than `max_orders` of the affiliate's credited
 * orders within the window: many "customers" on one device.
 */
export function visitorOrdersSignal(input: {
  visitor_hash: string | null
  orders: number
  max_orders: number
  window_days: number
}): RiskSignal<VisitorOrdersEvidence> {
  return {
    type: "visitor_orders",
    triggered: !!input.visitor_hash && input.orders > input.max_orders,
    evidence: { ...input },
  }
}
