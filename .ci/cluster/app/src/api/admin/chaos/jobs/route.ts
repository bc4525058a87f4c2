import { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { reconcileOrdersWorkflow, releaseCommissionsWorkflow } from "medusa-affiliates/workflows"

/**
 * Test app only: runs the release or reconcile job's workflow now, on this instance, beside
 * whatever the scheduler runs on the workers; answers what that run did.
 */
export const POST = async (req: MedusaRequest<{ job: "release" | "reconcile" }>, res: MedusaResponse) => {
  if (req.body.job === "release") {
    const { result } = await releaseCommissionsWorkflow(req.scope).run({ input: {} })
    res.json({ released: result.released })
  } else {
    const { result } = await reconcileOrdersWorkflow(req.scope).run({ input: { started_at: new Date() } })
    res.json(result)
  }
}
