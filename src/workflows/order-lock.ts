/** One lock per order serialises everything that books commission for it (placed, money events, reconcile). */
export const orderLockKey = (orderId: string) => `affiliates:order:${orderId}`

/** Seconds to wait for the lock, and how long a crashed holder keeps it. */
export const ORDER_LOCK = { timeout: 30, ttl: 120 } as const
