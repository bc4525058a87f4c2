// The affiliate portal's demo: a customer who logs in with a password and is an affiliate
// with money in every state of the ledger, so `/store/customers/me/affiliate` and its
// commissions, stats, payouts and statement answer real data. Nina's story, in the flows a
// store runs for it:
//
//   1. she registers a store account: the auth module's emailpass `register` (what
//      POST /auth/customer/emailpass/register does; the provider hashes the password), then
//      createCustomerAccountWorkflow with that auth identity (what POST /store/customers
//      does with the registration token), so POST /auth/customer/emailpass logs her in;
//   2. she applies in the portal with the code NINA: applyForAffiliateWorkflow (what
//      POST /store/customers/me/affiliate runs). The default program does not auto-approve,
//      so she starts `pending`;
//   3. the admin approves her on "Instant payouts" (updateAffiliateWorkflow, what
//      POST /admin/affiliates/:id runs), and her links get clicks (recordClick);
//   4. orders come in through the cart flow, stage by stage (PORTAL_STAGES in data.ts):
//      released at once (releaseCommissionsWorkflow), a payout requested
//      (requestAffiliatePayoutWorkflow, the portal's POST .../payouts: the service's
//      requestPayout) and marked paid (markAffiliatePayoutPaidWorkflow: settlePayout); a
//      second payout requested and left `requested`; a sale left `available`, less the
//      reversal a partial refund books; then the admin moves her to "VIP partners" and her
//      next sale is `pending` for 14 days.
//
// Idempotent like the other steps: the account is found by email, the affiliate by its
// customer, orders by `demo_order`, and a stage's payout by the payout_id of its sales. A
// stage switches the program only when it still has orders to place.
import type { CustomerDTO, ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createCustomerAccountWorkflow } from "@medusajs/medusa/core-flows"
import type { AffiliateModuleService } from "medusa-affiliates/modules/affiliate"
import {
  applyForAffiliateWorkflow,
  markAffiliatePayoutPaidWorkflow,
  releaseCommissionsWorkflow,
  requestAffiliatePayoutWorkflow,
  updateAffiliateWorkflow,
} from "medusa-affiliates/workflows"
import { ensureCustomers, existingOrders, moneyEvents, placeOrders, recordClicks, SeededActivity } from "./activity"
import { Affiliate, AFFILIATE_MODULE, SeededPrograms } from "./affiliates"
import { PORTAL_ACCOUNT, PORTAL_APPLICATION, PORTAL_CLICK_CAMPAIGNS, PORTAL_STAGES, PortalStage } from "./data"
import type { SeededStore } from "./store"

type Container = ExecArgs["container"]
type Service = AffiliateModuleService

export type SeededPortal = {
  customer: CustomerDTO
  affiliate: Affiliate
  /** By DemoOrder key. */
  orders: SeededActivity["orders"]
}

function logger(container: Container) {
  return container.resolve(ContainerRegistrationKeys.LOGGER)
}

function affiliateService(container: Container): Service {
  return container.resolve<Service>(AFFILIATE_MODULE)
}

export async function seedPortal(
  container: Container,
  store: SeededStore,
  programs: SeededPrograms
): Promise<SeededPortal> {
  const log = logger(container)
  const service = affiliateService(container)

  log.info(`[demo seed] portal: ${PORTAL_ACCOUNT.email}'s store account (emailpass) and affiliate application`)
  const customer = await ensurePortalAccount(container)
  const affiliateId = await ensurePortalAffiliate(container, customer, programs)

  const { counts, bySession } = await recordClicks(container, PORTAL_CLICK_CAMPAIGNS)
  log.info(
    `[demo seed] portal: ${counts.recorded} new clicks for ${PORTAL_APPLICATION.code}, ${counts.deduplicated} deduplicated`
  )

  const customers = await ensureCustomers(container)
  const orders: SeededActivity["orders"] = {}
  for (const stage of PORTAL_STAGES) {
    Object.assign(orders, await runStage(container, { store, programs, customers, clicks: bySession, affiliateId, customer }, stage))
  }

  const affiliate = await service.retrieveAffiliate(affiliateId)
  return { customer, affiliate, orders }
}

/**
 * The customer account with its emailpass identity. `register` creates the identity with
 * the provider's password hash (or hands back one a failed earlier run registered and never
 * attached); createCustomerAccountWorkflow creates the customer and writes its id into the
 * identity's app_metadata, which is what makes the login a customer token.
 */
async function ensurePortalAccount(container: Container): Promise<CustomerDTO> {
  const auth = container.resolve(Modules.AUTH)
  const customerModule = container.resolve(Modules.CUSTOMER)
  const { email, password, first_name, last_name, phone } = PORTAL_ACCOUNT

  const [providerIdentity] = await auth.listProviderIdentities({ provider: "emailpass", entity_id: email })
  let authIdentityId = providerIdentity?.auth_identity_id
  if (!authIdentityId) {
    const { success, authIdentity, error } = await auth.register("emailpass", { body: { email, password } })
    if (!success || !authIdentity) {
      throw new Error(`demo seed: could not register ${email} with emailpass: ${error ?? "no identity"}`)
    }
    authIdentityId = authIdentity.id
  }

  const [existing] = await customerModule.listCustomers({ email, has_account: true })
  if (existing) {
    const identity = await auth.retrieveAuthIdentity(authIdentityId)
    if (identity.app_metadata?.customer_id !== existing.id) {
      await auth.updateAuthIdentities({
        id: authIdentityId,
        app_metadata: { ...(identity.app_metadata ?? {}), customer_id: existing.id },
      })
    }
    return existing
  }
  const { result } = await createCustomerAccountWorkflow(container).run({
    input: { authIdentityId, customerData: { email, first_name, last_name, phone, metadata: { demo: true } } },
  })
  return result
}

/** Nina's affiliate: her portal application, approved by the admin on "Instant payouts". */
async function ensurePortalAffiliate(
  container: Container,
  customer: CustomerDTO,
  programs: SeededPrograms
): Promise<string> {
  const log = logger(container)
  const service = affiliateService(container)
  let [affiliate] = await service.listAffiliates({ customer_id: customer.id }, { take: 1 })
  if (!affiliate) {
    const { result } = await applyForAffiliateWorkflow(container).run({
      input: { customer_id: customer.id, ...PORTAL_APPLICATION },
    })
    affiliate = await service.retrieveAffiliate(result.id)
    log.info(`[demo seed] portal: ${customer.email} applied as ${affiliate.code} (${affiliate.status})`)
  }
  if (affiliate.status === "pending") {
    await updateAffiliateWorkflow(container).run({
      input: { id: affiliate.id, status: "active", program_id: programs.instant.id },
    })
    log.info(`[demo seed] portal: ${affiliate.code} approved on "${programs.instant.name}"`)
  }
  return affiliate.id
}

type StageContext = {
  store: SeededStore
  programs: SeededPrograms
  customers: Record<string, CustomerDTO>
  clicks: Record<string, string>
  affiliateId: string
  customer: CustomerDTO
}

/** Program, orders, release, payout, refunds: one stage of Nina's history. */
async function runStage(container: Container, ctx: StageContext, stage: PortalStage) {
  const log = logger(container)
  const service = affiliateService(container)

  const existing = await existingOrders(container)
  if (stage.orders.some((o) => !existing.has(o.key))) {
    // The sale freezes the program's terms when the order is placed.
    const program = ctx.programs[stage.program]
    const affiliate = await service.retrieveAffiliate(ctx.affiliateId, { select: ["id", "code", "program_id"] })
    if (affiliate.program_id !== program.id) {
      await updateAffiliateWorkflow(container).run({ input: { id: affiliate.id, program_id: program.id } })
      log.info(`[demo seed] portal: ${affiliate.code} moved to "${program.name}"`)
    }
  }
  const orders = await placeOrders(container, ctx.store, ctx.customers, ctx.clicks, stage.orders)

  if (stage.release) {
    const { result } = await releaseCommissionsWorkflow(container).run({ input: {} })
    if (result.released) {
      log.info(`[demo seed] portal: released ${result.released} commission entries`)
    }
  }
  if (stage.payout) {
    await payOutStage(container, ctx, stage, orders)
  }
  // Refunds (with the reversal recomputeOrderCommissionWorkflow books), once released.
  await moneyEvents(container, orders, stage.orders)
  return orders
}

/**
 * The stage's payout: everything available requested at once (the stage's sales, as the
 * stages run in turn), then marked paid if the stage says so. Found again through the
 * payout_id of the stage's sales.
 */
async function payOutStage(
  container: Container,
  ctx: StageContext,
  stage: PortalStage,
  orders: SeededActivity["orders"]
) {
  const log = logger(container)
  const service = affiliateService(container)
  const sales = (await Promise.all(stage.orders.map((o) => service.listOrderLedger(orders[o.key].id))))
    .flat()
    .filter((e) => e.type === "sale" && e.affiliate_id === ctx.affiliateId)
  if (sales.length !== stage.orders.length) {
    throw new Error(`demo seed: each order of the portal's "${stage.key}" stage should have a sale credited to NINA`)
  }

  let payoutId = sales.find((e) => e.payout_id)?.payout_id
  if (!payoutId) {
    const notAvailable = sales.filter((e) => e.status !== "available")
    if (notAvailable.length) {
      throw new Error(
        `demo seed: the "${stage.key}" stage's sales are not available (${notAvailable.map((e) => e.status).join(", ")})`
      )
    }
    const { result } = await requestAffiliatePayoutWorkflow(container).run({
      input: { affiliate_id: ctx.affiliateId, currency_code: sales[0].currency_code, requested_by: ctx.customer.id },
    })
    payoutId = result.id
  }
  let payout = await service.retrieveAffiliatePayout(payoutId)
  if (stage.payout?.status === "paid" && payout.status === "requested") {
    await markAffiliatePayoutPaidWorkflow(container).run({ input: { id: payoutId, reference: stage.payout.reference } })
    payout = await service.retrieveAffiliatePayout(payoutId)
  }
  log.info(
    `[demo seed] portal: payout ${payout.id} of ${Number(payout.amount).toFixed(2)} ` +
      `${payout.currency_code.toUpperCase()} ${payout.status}`
  )
}
