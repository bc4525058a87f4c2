import { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { IEventBusModuleService } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"

type EmitBody = { events: { name: string; data: Record<string, unknown> }[]; times?: number }

/**
 * Test app only: emits the given events `times` more times, all at once, as Redis delivers
 * an event again after a worker died holding it (every subscriber of it runs again).
 */
export const POST = async (req: MedusaRequest<EmitBody>, res: MedusaResponse) => {
  const { events, times = 1 } = req.body
  const bus = req.scope.resolve<IEventBusModuleService>(Modules.EVENT_BUS)
  await Promise.all(Array.from({ length: times }, () => bus.emit(events.map(({ name, data }) => ({ name, data })))))
  res.json({ emitted: events.length * times })
}
