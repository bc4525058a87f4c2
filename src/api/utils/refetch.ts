import { refetchEntity } from "@medusajs/framework/http"
import { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"

/** A record by id with `fields`, through Query; a 404 "<label> with id: <id> was not found" when absent. */
export async function refetchOr404(
  scope: MedusaContainer,
  { entity, id, fields, label }: { entity: string; id: string; fields: string[]; label: string }
) {
  const record = await refetchEntity({ entity, idOrFilter: id, scope, fields })
  if (!record) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `${label} with id: ${id} was not found`)
  }
  return record
}
