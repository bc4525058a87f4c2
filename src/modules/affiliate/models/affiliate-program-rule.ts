import { model } from "@medusajs/framework/utils"
import { COMMISSION_TYPES, PROGRAM_RULE_TARGETS } from "../../../types/enums"
import AffiliateProgram from "./affiliate-program"

/** A per-product or per-collection exception to a program's rate: another rate, or excluded. */
const AffiliateProgramRule = model
  .define(
    { tableName: "affiliate_program_rule", name: "AffiliateProgramRule" },
    {
      id: model.id({ prefix: "afrule" }).primaryKey(),
      target_type: model.enum([...PROGRAM_RULE_TARGETS]),
      target_id: model.text(),
      /** NULL = the program's own commission type. */
      commission_type: model.enum([...COMMISSION_TYPES]).nullable(),
      commission_value: model.bigNumber().nullable(),
      excluded: model.boolean().default(false),
      program: model.belongsTo(() => AffiliateProgram, { mappedBy: "rules" }),
    }
  )
  .indexes([
    {
      name: "IDX_affiliate_program_rule_target",
      on: ["program_id", "target_type", "target_id"],
      unique: true,
    },
  ])
  .checks([
    {
      name: "CHK_affiliate_program_rule_value",
      expression: (c) =>
        `${c.excluded} = true OR (${c.commission_value} IS NOT NULL AND ${c.commission_value} >= 0)`,
    },
  ])

export default AffiliateProgramRule
