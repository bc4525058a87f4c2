import { MathBN, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"
import { loyaltyWorkflows, STORE_CREDIT_MODULE, STORE_CREDIT_REFERENCE } from "../store-credit"

/**
 * A store-credit payout credits the affiliate's customer account in the payout's currency
 * (created when the customer has none) through the loyalty plugin's workflows, once: a run
 * that crashed after crediting left a transaction whose reference_id is the payout, and the
 * retry finds it instead of crediting again. The workflow holds the payout's lock, so two
 * settlements cannot both get here; a payout that is not `requested` is refused before any
 * credit. Compensation deletes the transaction this run made (the settlement failed after it).
 * Other payouts pass through untouched.
 */
export const payInStoreCreditStep = createStep(
  "pay-affiliate-payout-in-store-credit",
  async (input: { id: string }, { container }) => {
    const service = container.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
    const [payout] = await service.listAffiliatePayouts({ id: input.id }, { take: 1, relations: ["affiliate"] })
    if (!payout) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Affiliate payout with id: ${input.id} was not found`)
    }
    if (payout.method !== "store_credit") {
      return new StepResponse<{ transaction_id: string | null }, string | null>({ transaction_id: null }, null)
    }
    if (payout.status !== "requested") {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Affiliate payout ${payout.id} is ${payout.status}: only a requested payout can be paid`)
    }
    const customerId = payout.affiliate?.customer_id
    if (!customerId) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Affiliate ${payout.affiliate?.code ?? payout.affiliate_id} has no customer account to receive store credit`
      )
    }

    const { createStoreCreditAccountsWorkflow, creditAccountsWorkflow } = loyaltyWorkflows(container)
    const storeCredit = container.resolve(STORE_CREDIT_MODULE) as any
    const [earlier] = await storeCredit.listAccountTransactions({ reference: STORE_CREDIT_REFERENCE, reference_id: payout.id }, { take: 1 })
    if (earlier) {
      return new StepResponse<{ transaction_id: string | null }, string | null>({ transaction_id: earlier.id }, null)
    }
    const currency = payout.currency_code.toLowerCase()
    let [account] = await storeCredit.listStoreCreditAccounts({ customer_id: customerId, currency_code: currency }, { take: 1 })
    if (!account) {
      ;[account] = (await createStoreCreditAccountsWorkflow(container).run({ input: [{ customer_id: customerId, currency_code: currency }] })).result
    }
    const { result: [transaction] } = await creditAccountsWorkflow(container).run({
      input: [
        {
          account_id: account.id,
          amount: MathBN.convert(payout.amount as any).toNumber(),
          reference: STORE_CREDIT_REFERENCE,
          reference_id: payout.id,
          note: `Affiliate payout ${payout.id} (${payout.affiliate?.code ?? payout.affiliate_id})`,
        },
      ],
    })
    return new StepResponse<{ transaction_id: string | null }, string | null>({ transaction_id: transaction.id }, transaction.id)
  },
  async (transactionId, { container }) => {
    if (!transactionId) {
      return
    }
    await (container.resolve(STORE_CREDIT_MODULE) as any).deleteTransactions([transactionId])
  }
)
