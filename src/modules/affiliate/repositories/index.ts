// Medusa loads every file of this folder and registers each exported class in the module's
// container under its camel-cased name (`ledgerRepository`, ...); `BaseRepository` replaces
// the default `baseRepository`. So only repository classes are exported from these files.
export { AffiliateAccountRepository } from "./affiliate-account"
export { BaseRepository } from "./base"
export { JobCursorRepository } from "./job-cursor"
export { LedgerRepository } from "./ledger"
export { PayoutRepository } from "./payout"
export { ReportRepository } from "./report"
export { ReviewRepository } from "./review"
export { TrackingRepository } from "./tracking"
