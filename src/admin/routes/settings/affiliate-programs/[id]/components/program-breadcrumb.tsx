import { useProgram } from "../../../../../lib/hooks/programs"

/** The program's name in the breadcrumb, from the page's own (cached) query. */
export const ProgramBreadcrumb = ({ id }: { id?: string }) => {
  const { affiliate_program } = useProgram(id ?? "", { enabled: Boolean(id) })
  return <span>{affiliate_program?.name ?? "Program"}</span>
}
