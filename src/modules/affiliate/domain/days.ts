/** A day in milliseconds: holds, windows and buckets are counted in whole UTC days of 24 hours. */
export const DAY_MS = 86_400_000
