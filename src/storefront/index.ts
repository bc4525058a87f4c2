// medusa-affiliates/storefront: the typed client over the js-sdk, and `?ref=` capture.
export * from "./types"
export * from "./client"
export * from "./referral-capture"
export * from "./track-referral"
