/** Events the plugin emits about affiliates (API.md "Events emitted"). */
export const AffiliateEvents = {
  CREATED: "affiliate.created",
  STATUS_CHANGED: "affiliate.status_changed",
} as const
