import { refetchEntity } from "@medusajs/framework/http"
import { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { isConnectionLost } from "../../modules/affiliate/database/database-errors"

const READ_ATTEMPTS = 3

/**
 * Runs a read again when its database connection was lost. A route reads its answer after
 * its change committed: a 500 there would tell the client the change failed when it did not
 * (seen in the cluster test, under pg_terminate_backend: adjustments booked, answered 500).
 */
export async function readAgainOnLostConnection<T>(read: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await read()
    } catch (error) {
      if (attempt >= READ_ATTEMPTS || !isConnectionLost(error)) {
        throw error
      }
      await new Promise((resolve) => setTimeout(resolve, 25 * attempt))
    }
  }
}

/** A record by id with `fields`, through Query; a 404 "<label> with id: <id> was not found" when absent. */
export async function refetchOr404(
  scope: MedusaContainer,
  { entity, id, fields, label }: { entity: string; id: string; fields: string[]; label: string }
) {
  const record = await readAgainOnLostConnection(() => refetchEntity({ entity, idOrFilter: id, scope, fields }))
  if (!record) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `${label} with id: ${id} was not found`)
  }
  return record
}
