import { model } from "@medusajs/framework/utils"
import { COMMISSION_TYPES, PAYOUT_METHODS, PROGRAM_KINDS } from "../../../types/enums"
import Affiliate from "./affiliate"
import AffiliateProgramRule from "./affiliate-program-rule"

/** The commission terms affiliates are on. Exactly one program is the default. */
const AffiliateProgram = model
  .define(
    { tableName: "affiliate_program", name: "AffiliateProgram" },
    {
      id: model.id({ prefix: "afprog" }).primaryKey(),
      name: model.text().searchable(),
      is_default: model.boolean().default(false),
      commission_type: model.enum([...COMMISSION_TYPES]).default("percentage"),
      /** Percent (10 = 10 %) or, for `flat`, an amount per order in the order's currency. */
      commission_value: model.bigNumber(),
      hold_days: model.number().default(30),
      cookie_days: model.number().default(30),
      /** Customer attribution lifetime in months; NULL = forever. */
      trailing_months: model.number().nullable(),
      first_order_only: model.boolean().default(false),
      min_payout_amount: model.bigNumber().default(0),
      auto_approve: model.boolean().default(false),
      /** `customer`: the refer-a-friend program customers join from the portal (at most one). */
      kind: model.enum([...PROGRAM_KINDS]).default("affiliate"),
      /** `store_credit`: payouts are paid as store credit of the affiliate's customer (loyalty plugin). */
      payout_method: model.enum([...PAYOUT_METHODS]).default("manual"),
      /** The promotion every referral of the program applies to the visitor's cart (an affiliate's own link discount goes first). */
      link_promotion_id: model.text().nullable(),
      /** Fraud rules the program changed from the defaults (domain/risk/rules.ts riskRulesOf); NULL = all defaults. */
      risk_rules: model.json().nullable(),
      metadata: model.json().nullable(),
      rules: model.hasMany(() => AffiliateProgramRule, { mappedBy: "program" }),
      affiliates: model.hasMany(() => Affiliate, { mappedBy: "program" }),
    }
  )
  .cascades({ delete: ["rules"] })
  .indexes([
    {
      name: "IDX_affiliate_program_single_default",
      on: ["is_default"],
      unique: true,
      where: "is_default = true",
    },
    {
      name: "IDX_affiliate_program_single_customer_kind",
      on: ["kind"],
      unique: true,
      where: "kind = 'customer' AND deleted_at IS NULL",
    },
  ])
  .checks([
    {
      name: "CHK_affiliate_program_commission_value",
      expression: (c) =>
        `${c.commission_value} >= 0 AND (${c.commission_type} <> 'percentage' OR ${c.commission_value} <= 100)`,
    },
    {
      name: "CHK_affiliate_program_days",
      expression: (c) =>
        `${c.hold_days} >= 0 AND ${c.cookie_days} >= 0 AND (${c.trailing_months} IS NULL OR ${c.trailing_months} > 0)`,
    },
    {
      name: "CHK_affiliate_program_min_payout",
      expression: (c) => `${c.min_payout_amount} >= 0`,
    },
  ])

export default AffiliateProgram
