import { Context } from "@medusajs/framework/types"
import { EntityManager } from "@medusajs/framework/mikro-orm/knex"
import { SqlRepository } from "../database/sql-repository"

type Ctx = Context<EntityManager>

/** Where the scheduled jobs' scans stand. */
export class JobCursorRepository extends SqlRepository {
  async position(job: string, context: Ctx = {}): Promise<Date | null> {
    const row = await this.knex(context)("affiliate_job_cursor").select("position").where({ id: job }).first()
    return row ? new Date(row.position) : null
  }

  /** Moves a cursor forward, never back, whatever order concurrent runs finish in. */
  async advance(job: string, position: Date, context: Ctx = {}): Promise<void> {
    await this.knex(context).raw(
      `INSERT INTO affiliate_job_cursor (id, position) VALUES (?, ?)
       ON CONFLICT (id) DO UPDATE SET position = GREATEST(affiliate_job_cursor.position, EXCLUDED.position), updated_at = now()`,
      [job, position]
    )
  }
}
