// What the portal shows of an affiliate and its ledger (and the admin of a statement, which
// is the affiliate's own): explicit fields, money as numbers.
import { InferTypeOf } from "@medusajs/framework/types"
import { MathBN } from "@medusajs/framework/utils"
import { Affiliate, AffiliateCommission, AffiliateProgram } from "../../modules/affiliate/models"

type AffiliateRecord = InferTypeOf<typeof Affiliate>
type ProgramRecord = InferTypeOf<typeof AffiliateProgram>
type CommissionRecord = InferTypeOf<typeof AffiliateCommission>

const money = (value: unknown) => (value == null ? null : MathBN.convert(value as any).toNumber())

/** The affiliate as its owner sees it, with the public terms of its program. */
export function portalAffiliateResponse(affiliate: AffiliateRecord, program: ProgramRecord) {
  return {
    id: affiliate.id,
    code: affiliate.code,
    name: affiliate.name,
    email: affiliate.email,
    status: affiliate.status,
    program_id: program.id,
    customer_id: affiliate.customer_id,
    /** The affiliate's own percent, overriding the program's; null = the program's terms. */
    commission_rate: money(affiliate.commission_rate),
    payout_email: affiliate.payout_email,
    metadata: affiliate.metadata,
    created_at: affiliate.created_at,
    updated_at: affiliate.updated_at,
    program: {
      id: program.id,
      name: program.name,
      commission_type: program.commission_type,
      commission_value: money(program.commission_value),
      hold_days: program.hold_days,
      cookie_days: program.cookie_days,
      trailing_months: program.trailing_months,
      first_order_only: program.first_order_only,
      min_payout_amount: money(program.min_payout_amount),
      kind: program.kind,
      payout_method: program.payout_method,
    },
  }
}

/** What the portal shows of a ledger entry, and all its list's `fields` may pick from. */
export const PORTAL_COMMISSION_FIELDS = [
  "id",
  "affiliate_id",
  "type",
  "status",
  "amount",
  "currency_code",
  "rate",
  "base_amount",
  "order_id",
  "available_at",
  "released_at",
  "requested_at",
  "paid_at",
  "payout_id",
  "reference",
  "note",
  "created_at",
]

/** A ledger entry (docs/API.md's commission fields, plus its status dates, cause and note). */
export function commissionResponse(entry: CommissionRecord) {
  return {
    id: entry.id,
    affiliate_id: entry.affiliate_id,
    type: entry.type,
    status: entry.status,
    amount: money(entry.amount),
    currency_code: entry.currency_code,
    rate: money(entry.rate),
    base_amount: money(entry.base_amount),
    order_id: entry.order_id,
    available_at: entry.available_at,
    released_at: entry.released_at,
    requested_at: entry.requested_at,
    paid_at: entry.paid_at,
    payout_id: entry.payout_id,
    reference: entry.reference,
    note: entry.note,
    created_at: entry.created_at,
  }
}
