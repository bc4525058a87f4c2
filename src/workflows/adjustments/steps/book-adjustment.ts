import { MathBN, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"

export type BookAdjustmentInput = {
  affiliate_id: string
  /** Signed decimal string in the currency's main unit; never zero. */
  amount: string
  currency_code: string
  note: string
  /** The admin user (or API key) booking it. */
  created_by: string | null
  /** `adjustment:<Idempotency-Key header>` or a generated one. */
  idempotency_key: string
}

export type BookedAdjustment = { id: string; affiliate_id: string; created: boolean }

/**
 * Appends a manual adjustment, `available` at once (note and actor kept). The
 * idempotency key makes a retried request return the entry it booked the first time; the
 * same key with a different adjustment is refused rather than silently answered with the
 * other entry.
 *
 * No compensation, on purpose: the ledger is append-only (a trigger refuses edits and
 * deletes), and this append is the last write of its workflow. Only the event emission
 * follows it, and Medusa releases events only when the workflow succeeds. A counter-entry
 * would leave two lines and a client retrying with its key would get back an entry that is
 * no longer in effect; an admin corrects a wrong adjustment with another adjustment.
 */
export const bookAffiliateAdjustmentStep = createStep(
  "book-affiliate-adjustment",
  async (input: BookAdjustmentInput, { container }) => {
    const service = container.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
    await service.retrieveAffiliate(input.affiliate_id, { select: ["id"] })

    const [{ entry, created }] = await service.appendLedgerEntries([
      {
        affiliate_id: input.affiliate_id,
        type: "adjustment",
        amount: input.amount,
        currency_code: input.currency_code,
        status: "available",
        note: input.note,
        created_by: input.created_by,
        reference: "admin",
        idempotency_key: input.idempotency_key,
      },
    ])
    if (!created) {
      const stored = entry as any
      const same =
        entry.type === "adjustment" &&
        entry.affiliate_id === input.affiliate_id &&
        entry.currency_code === input.currency_code.toLowerCase() &&
        (entry.note ?? "") === input.note.trim() &&
        MathBN.eq(stored.raw_amount?.value ?? entry.amount, input.amount)
      if (!same) {
        throw new MedusaError(
          MedusaError.Types.DUPLICATE_ERROR,
          `Idempotency-Key: was already used for a different ledger entry (${entry.id})`
        )
      }
    }
    return new StepResponse<BookedAdjustment>({ id: entry.id, affiliate_id: entry.affiliate_id, created })
  }
)
