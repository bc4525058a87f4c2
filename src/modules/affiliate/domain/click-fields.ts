// Bounds of the storefront-supplied text of a click, without dependencies: the model's
// CHECKs, the store route's validator and the storefront kit (which cuts to them) share them.
export const CLICK_FIELD_LIMITS = {
  session_id: 128,
  sub_id: 128,
  landing_url: 2048,
  referrer: 2048,
} as const
