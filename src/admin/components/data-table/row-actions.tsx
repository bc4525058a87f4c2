import { ActionMenu, type MenuAction } from "../action-menu"

/**
 * The "..." menu of a table row. Put it in a display column with id "action" (the id the
 * DataTable sizes as its action column). Clicks stay in the menu and do not open the row;
 * a row with no action shows no button.
 */
export const RowActions = ({ groups, label }: { groups: MenuAction[][]; label: string }) => (
  <div className="flex justify-end" onClick={(e) => e.stopPropagation()}>
    <ActionMenu groups={groups} label={label} />
  </div>
)
