import { Context } from "@medusajs/framework/types"
import { MikroOrmBaseRepository } from "@medusajs/framework/utils"
import { EntityManager } from "@medusajs/framework/mikro-orm/knex"
import { toMedusaError } from "./database-errors"

/**
 * A module-internal repository that owns SQL Medusa's generated repositories cannot express
 * (set-based updates, ON CONFLICT, aggregates). Every method's database errors are mapped
 * as Medusa's own repositories map theirs.
 */
export abstract class SqlRepository extends MikroOrmBaseRepository {
  constructor(...args: any[]) {
    // @ts-ignore the container passes { manager }
    super(...args)
    return new Proxy(this, {
      get: (target, prop) => {
        const value = (target as any)[prop]
        if (typeof value !== "function" || prop === "constructor") {
          return value
        }
        return (...args: unknown[]) => {
          const result = value.apply(target, args)
          return result instanceof Promise ? result.catch((error) => Promise.reject(toMedusaError(error))) : result
        }
      },
    })
  }

  /** The knex of the context's transaction when there is one, else of the shared connection. */
  protected knex(context: Context<EntityManager> = {}) {
    const manager = this.getActiveManager<EntityManager>(context)
    return manager.getTransactionContext() ?? manager.getKnex()
  }
}
