import { MedusaContainer } from "@medusajs/framework/types"
import { refetchOr404 } from "../../utils/refetch"

/** A program's terms with its rules. */
export const PROGRAM_FIELDS = [
  "id",
  "name",
  "is_default",
  "commission_type",
  "commission_value",
  "hold_days",
  "cookie_days",
  "trailing_months",
  "first_order_only",
  "min_payout_amount",
  "auto_approve",
  "metadata",
  "created_at",
  "updated_at",
  "rules.id",
  "rules.target_type",
  "rules.target_id",
  "rules.commission_type",
  "rules.commission_value",
  "rules.excluded",
]

export const listProgramsQueryConfig = { defaults: PROGRAM_FIELDS, isList: true }

/** A program as the admin sees it; 404 when absent. */
export const refetchProgram = (scope: MedusaContainer, id: string) =>
  refetchOr404(scope, { entity: "affiliate_program", id, fields: PROGRAM_FIELDS, label: "Affiliate program" })
