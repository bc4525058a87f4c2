import { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"

/**
 * The click benchmark's baseline: a store route that does nothing. It goes through the same
 * /store middleware (publishable key, body parsing, CORS) as the click route, so the ratio
 * between the two is what recording a click costs on top of Medusa's own request handling.
 */
export const POST = async (_req: MedusaRequest, res: MedusaResponse) => {
  res.status(200).json({ ok: true })
}
