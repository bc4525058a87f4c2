import { MikroOrmBaseRepository } from "@medusajs/framework/utils"
import { withDatabaseErrors } from "../database/database-errors"

/**
 * The module's base repository (Medusa registers it as `baseRepository`, the one
 * `@InjectTransactionManager` opens transactions with): a transaction that hits a
 * serialization failure or deadlock runs again, and what PostgreSQL raises leaves as a
 * MedusaError, so HTTP clients get a 4xx with a message instead of a 500.
 */
export class BaseRepository extends MikroOrmBaseRepository {
  override async transaction<TManager = unknown>(
    task: (transactionManager: TManager) => Promise<any>,
    options: Parameters<MikroOrmBaseRepository["transaction"]>[1] = {}
  ): Promise<any> {
    if (options.transaction) {
      // Nested in a transaction that is retried (or not) as a whole.
      return await super.transaction(task, options)
    }
    return await withDatabaseErrors(() => super.transaction(task, options), true)
  }
}
