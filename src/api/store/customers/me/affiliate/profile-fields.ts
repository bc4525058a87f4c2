/**
 * What the portal profile shows of the affiliate and its program's public terms, and all the
 * profile's `fields` may pick from (as `GET /store/customers/me?fields=` does).
 */
export const PORTAL_PROFILE_FIELDS = [
  "id",
  "code",
  "name",
  "email",
  "status",
  "program_id",
  "customer_id",
  "commission_rate",
  "payout_email",
  "metadata",
  "created_at",
  "updated_at",
  "program.id",
  "program.name",
  "program.commission_type",
  "program.commission_value",
  "program.hold_days",
  "program.cookie_days",
  "program.trailing_months",
  "program.first_order_only",
  "program.min_payout_amount",
  "program.kind",
  "program.payout_method",
]
