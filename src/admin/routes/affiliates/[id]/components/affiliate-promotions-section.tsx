import { Link as LinkIcon, Trash, XCircle } from "@medusajs/icons"
import { Badge, Button, Container, Text, toast, usePrompt } from "@medusajs/ui"
import { useState } from "react"
import { Link } from "react-router-dom"
import { ActionMenu } from "../../../../components/action-menu"
import { SectionHeader } from "../../../../components/layout/section-header"
import { NoRecords } from "../../../../components/states/no-records"
import { errorMessage } from "../../../../lib/api-errors"
import { humanize } from "../../../../lib/format"
import { useLinkAffiliatePromotions } from "../../../../lib/hooks/affiliates"
import type { Affiliate, LinkedPromotion } from "../../../../../types/http"
import { LinkPromotionsDrawer } from "./link-promotions-drawer"

/**
 * The promotion codes that credit this affiliate, with link and unlink, and the one their
 * referral link applies to a visitor's cart by itself (the link discount).
 */
export const AffiliatePromotionsSection = ({ affiliate }: { affiliate: Affiliate }) => {
  const [linking, setLinking] = useState(false)
  const prompt = usePrompt()
  const { mutateAsync } = useLinkAffiliatePromotions()
  const promotions = affiliate.promotions ?? []

  const unlink = async (promotion: LinkedPromotion) => {
    const confirmed = await prompt({
      title: `Unlink ${promotion.code}?`,
      description: `Orders using ${promotion.code} will no longer credit ${affiliate.code}. Commission already earned is kept.`,
      confirmText: "Unlink",
      cancelText: "Cancel",
      variant: "danger",
    })
    if (!confirmed) {
      return
    }
    try {
      await mutateAsync({ affiliateId: affiliate.id, remove: [promotion.id] })
      toast.success(`${promotion.code} unlinked`)
    } catch (error) {
      toast.error(`Could not unlink ${promotion.code}`, { description: errorMessage(error) })
    }
  }

  const chooseLinkDiscount = async (promotion: LinkedPromotion | null) => {
    try {
      await mutateAsync({ affiliateId: affiliate.id, link_promotion_id: promotion?.id ?? null })
      toast.success(promotion ? `${promotion.code} is applied through ${affiliate.code}'s link` : "No code is applied through the link")
    } catch (error) {
      toast.error("Could not change the link discount", { description: errorMessage(error) })
    }
  }

  return (
    <Container className="divide-y p-0">
      <SectionHeader
        title="Promotion codes"
        subtitle="Orders using these codes credit this affiliate; the link discount is applied by their referral link itself"
        actions={
          <Button size="small" variant="secondary" onClick={() => setLinking(true)}>
            Link code
          </Button>
        }
      />
      {!promotions.length ? (
        <NoRecords title="No codes linked" message="Link a promotion code so customers who use it are credited here." />
      ) : (
        <ul className="divide-y">
          {promotions.map((promotion) => (
            <li key={promotion.id} className="flex items-center justify-between gap-x-2 px-6 py-3">
              <div className="flex min-w-0 flex-col">
                <Link
                  to={`/promotions/${promotion.id}`}
                  className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover txt-compact-small-plus truncate font-mono"
                >
                  {promotion.code}
                </Link>
                {promotion.status && (
                  <Text size="xsmall" leading="compact" className="text-ui-fg-subtle">
                    {humanize(promotion.status)}
                    {promotion.id === affiliate.link_promotion_id && " · applied to carts that arrive through the referral link"}
                  </Text>
                )}
              </div>
              <div className="flex items-center gap-x-2">
                {promotion.id === affiliate.link_promotion_id && (
                  <Badge size="2xsmall" color="green">
                    Link discount
                  </Badge>
                )}
                <ActionMenu
                  label={`Actions for ${promotion.code}`}
                  groups={[
                    [
                      promotion.id === affiliate.link_promotion_id
                        ? { label: "Stop applying through the link", icon: <XCircle />, onClick: () => chooseLinkDiscount(null) }
                        : { label: "Apply through the referral link", icon: <LinkIcon />, onClick: () => chooseLinkDiscount(promotion) },
                    ],
                    [{ label: "Unlink", icon: <Trash />, onClick: () => unlink(promotion) }],
                  ]}
                />
              </div>
            </li>
          ))}
        </ul>
      )}
      <LinkPromotionsDrawer affiliate={affiliate} open={linking} onOpenChange={setLinking} />
    </Container>
  )
}
