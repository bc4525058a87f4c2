import { MedusaContainer } from "@medusajs/framework/types"
import { riskRulesOf } from "../../../modules/affiliate/domain/risk/rules"
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
  "kind",
  "payout_method",
  "link_promotion_id",
  "risk_rules",
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

/** A program as the admin sees it: its fraud rules in full, the defaults filled in. */
export function programResponse<P extends Record<string, any>>(program: P): P {
  return "risk_rules" in program ? { ...program, risk_rules: riskRulesOf(program.risk_rules) } : program
}

/** A program as the admin sees it; 404 when absent. */
export const refetchProgram = async (scope: MedusaContainer, id: string) =>
  programResponse(await refetchOr404(scope, { entity: "affiliate_program", id, fields: PROGRAM_FIELDS, label: "Affiliate program" }))
