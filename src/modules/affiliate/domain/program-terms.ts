/**
 * The bounds of a program's terms, written once: the admin API's validators, the plugin
 * options' defaultProgram, the dashboard's program form and the database's CHECKs agree.
 */
export const PROGRAM_TERM_LIMITS = {
  /** A percentage commission is at most this (10 = 10 %). */
  max_percentage: 100,
  /** Days a sale is held, and a click counts for a cart. */
  days: { min: 0, max: 3650 },
  /** Months an attribution lasts (null = forever). */
  trailing_months: { min: 1, max: 1200 },
} as const
