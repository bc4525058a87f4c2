import { MathBN } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import { roundToCurrency } from "../../../modules/affiliate/domain/currency-precision"
import { ledgerKeys } from "../../../modules/affiliate/domain/ledger-keys"
import { netCommissionForOrder, planCommissionCorrection } from "../../../modules/affiliate/domain/net-commission"
import { FrozenLine } from "../../../modules/affiliate/domain/sale-commission"
import type AffiliateModuleService from "../../../modules/affiliate/service"
import type { AppendedLedgerEntry } from "../../../modules/affiliate/types/service"
import type { NewLedgerEntry } from "../../../modules/affiliate/domain/ledger-entry"
import { LoadedMoneyState } from "../order-money-state"

export type MoneyEventCause = {
  /** What moved the money: cancel, refund, return, order_edit, claim, exchange, reconcile. */
  type: string
  id: string
}

export type BookedCorrection = {
  net: number | null
  entries: AppendedLedgerEntry[]
}

/**
 * Recomputes the order's net commission from its current state and books only the
 * difference. The key is derived from the money state, so replaying an event,
 * or two events that leave the same state, books nothing twice. Append-only: nothing to
 * compensate.
 */
export const bookCommissionCorrectionStep = createStep(
  "book-affiliate-commission-correction",
  async (input: { order_id: string; cause: MoneyEventCause; money: LoadedMoneyState }, { container }) => {
    const service = container.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
    const ledger = await service.listOrderLedger(input.order_id)
    const sale = ledger.find((e) => e.type === "sale")
    const book = (entries: NewLedgerEntry[]) =>
      service.bookOrderMoneyChange({ order_id: input.order_id, fingerprint: input.money.fingerprint, entries })
    if (!sale) {
      // Remember the state followed, so the reconcile job can tell when it moves unseen.
      await book([])
      return new StepResponse<BookedCorrection>({ net: null, entries: [] })
    }
    const booked = ledger
      .filter((e) => e.type !== "adjustment")
      .reduce((sum, e) => MathBN.add(sum, (e as any).raw_amount?.value ?? e.amount), MathBN.convert(0))
    // What the order still earns, in whole minor units like every booked amount.
    const net = MathBN.convert(
      roundToCurrency(
        netCommissionForOrder(
          { amount: (sale as any).raw_amount?.value ?? sale.amount, lines: (sale.lines ?? []) as unknown as FrozenLine[] },
          input.money.state
        ),
        sale.currency_code
      )
    )
    const correction = planCommissionCorrection({
      net,
      booked,
      sale: { status: sale.status, available_at: sale.available_at ? new Date(sale.available_at) : null },
      clawback_after_payout: service.getOptions().clawbackAfterPayout,
    })
    if (!correction) {
      await book([])
      return new StepResponse<BookedCorrection>({ net: net.toNumber(), entries: [] })
    }
    const entries = await book([
      {
        affiliate_id: sale.affiliate_id,
        type: correction.type,
        amount: correction.amount,
        currency_code: sale.currency_code,
        rate: sale.rate,
        order_id: input.order_id,
        status: correction.status,
        available_at: correction.available_at,
        idempotency_key: ledgerKeys.correction(correction.type, input.order_id, input.money.fingerprint),
        reference: input.cause.type,
        reference_id: input.cause.id,
      },
    ])
    return new StepResponse<BookedCorrection>({ net: net.toNumber(), entries })
  }
)
