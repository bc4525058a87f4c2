import { AFFILIATE_TRANSITIONS } from "../../modules/affiliate/domain/status-machines"
import type { AffiliateStatus } from "../../types/http"

/** One status change an admin may make, with the words of its confirmation. */
export type AffiliateStatusAction = {
  to: AffiliateStatus
  label: string
  title: string
  description: (name: string) => string
  variant: "confirmation" | "danger"
}

const approve: AffiliateStatusAction = {
  to: "active",
  label: "Approve",
  title: "Approve affiliate?",
  description: (name) => `${name} becomes active: their code and links start crediting orders with commission.`,
  variant: "confirmation",
}

const reject: AffiliateStatusAction = {
  to: "rejected",
  label: "Reject",
  title: "Reject application?",
  description: (name) => `${name}'s application is rejected for good: a rejected affiliate cannot be approved later.`,
  variant: "danger",
}

const suspend: AffiliateStatusAction = {
  to: "suspended",
  label: "Suspend",
  title: "Suspend affiliate?",
  description: (name) =>
    `While suspended, orders through ${name}'s code or links earn no commission. Existing commission is kept.`,
  variant: "danger",
}

const reactivate: AffiliateStatusAction = {
  to: "active",
  label: "Reactivate",
  title: "Reactivate affiliate?",
  description: (name) => `${name} becomes active again and new orders through their code or links earn commission.`,
  variant: "confirmation",
}

/** The words of each move: becoming active is an approval from pending, a reactivation after a suspension. */
const actionFor = (from: AffiliateStatus, to: AffiliateStatus): AffiliateStatusAction => {
  switch (to) {
    case "active":
      return from === "pending" ? approve : reactivate
    case "rejected":
      return reject
    case "suspended":
      return suspend
    default:
      throw new Error(`No dashboard action moves an affiliate to ${to}`)
  }
}

/** The changes the API allows from each status (the module's AFFILIATE_TRANSITIONS), as the dashboard offers them. */
export const AFFILIATE_STATUS_ACTIONS = Object.fromEntries(
  (Object.keys(AFFILIATE_TRANSITIONS) as AffiliateStatus[]).map((from) => [
    from,
    AFFILIATE_TRANSITIONS[from].map((to) => actionFor(from, to)),
  ])
) as Record<AffiliateStatus, AffiliateStatusAction[]>
