// Workflows for apps that compose them (`import { ... } from "medusa-affiliates/workflows"`).
export * from "./attribution/workflows/attribute-order"
export * from "./commissions/workflows/recompute-order-commission"
export * from "./referrals/workflows/attach-cart-referral"
export * from "./commissions/workflows/release-commissions"
