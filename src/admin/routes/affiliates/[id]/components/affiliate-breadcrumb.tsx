import { useAffiliate } from "../../../../lib/hooks/affiliates"

/** The affiliate's code in the breadcrumb, from the page's own (cached) query. */
export const AffiliateBreadcrumb = ({ id }: { id?: string }) => {
  const { affiliate } = useAffiliate(id ?? "", { enabled: Boolean(id) })
  return <span>{affiliate?.code ?? "Affiliate"}</span>
}
