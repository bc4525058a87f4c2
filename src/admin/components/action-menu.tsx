import { EllipsisHorizontal } from "@medusajs/icons"
import { DropdownMenu, IconButton, clx } from "@medusajs/ui"
import type { ReactNode } from "react"
import { Link } from "react-router-dom"

export type MenuAction = {
  label: string
  icon?: ReactNode
  disabled?: boolean
} & ({ onClick: () => void } | { to: string })

/** The "..." menu of a section or a row, in groups separated by a line, as the dashboard's. */
export const ActionMenu = ({ groups, label = "Actions" }: { groups: MenuAction[][]; label?: string }) => {
  const visible = groups.filter((group) => group.length > 0)
  if (!visible.length) {
    return null
  }
  return (
    <DropdownMenu>
      <DropdownMenu.Trigger asChild>
        <IconButton size="small" variant="transparent" aria-label={label}>
          <EllipsisHorizontal />
        </IconButton>
      </DropdownMenu.Trigger>
      <DropdownMenu.Content>
        {visible.map((group, index) => (
          <DropdownMenu.Group key={index}>
            {group.map((action) => {
              const className = clx("[&_svg]:text-ui-fg-subtle flex items-center gap-x-2", {
                "[&_svg]:text-ui-fg-disabled": action.disabled,
              })
              return "to" in action ? (
                <DropdownMenu.Item key={action.label} className={className} disabled={action.disabled} asChild>
                  <Link to={action.to} onClick={(e) => e.stopPropagation()}>
                    {action.icon}
                    <span>{action.label}</span>
                  </Link>
                </DropdownMenu.Item>
              ) : (
                <DropdownMenu.Item
                  key={action.label}
                  className={className}
                  disabled={action.disabled}
                  onClick={(e) => {
                    e.stopPropagation()
                    action.onClick()
                  }}
                >
                  {action.icon}
                  <span>{action.label}</span>
                </DropdownMenu.Item>
              )
            })}
            {index < visible.length - 1 && <DropdownMenu.Separator />}
          </DropdownMenu.Group>
        ))}
      </DropdownMenu.Content>
    </DropdownMenu>
  )
}
