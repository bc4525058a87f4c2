import { defineLink } from "@medusajs/framework/utils"
import PromotionModule from "@medusajs/medusa/promotion"
import AffiliateModule from "../modules/affiliate"

// An affiliate has many promotion codes; a promotion belongs to at most one affiliate.
export default defineLink(
  AffiliateModule.linkable.affiliate,
  { linkable: PromotionModule.linkable.promotion, isList: true }
)
