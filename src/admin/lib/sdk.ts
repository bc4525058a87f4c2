import Medusa from "@medusajs/js-sdk"

// Configured as the dashboard configures its own client, so requests carry the admin's
// session (or token) exactly as the core pages' requests do.
export const sdk = new Medusa({
  baseUrl: __BACKEND_URL__ ?? "/",
  auth: {
    type: __AUTH_TYPE__ ?? "session",
    jwtTokenStorageKey: __JWT_TOKEN_STORAGE_KEY__ || undefined,
  },
})
