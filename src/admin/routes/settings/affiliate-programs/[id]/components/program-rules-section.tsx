import { PencilSquare, Trash } from "@medusajs/icons"
import { Button, Container, Table, Text, toast, usePrompt } from "@medusajs/ui"
import { useState } from "react"
import { Link } from "react-router-dom"
import { ActionMenu } from "../../../../../components/action-menu"
import { SectionHeader } from "../../../../../components/layout/section-header"
import { NoRecords } from "../../../../../components/states/no-records"
import { errorMessage } from "../../../../../lib/api-errors"
import { useRuleTargetTitles } from "../../../../../lib/hooks/core-lookups"
import { toRulePayload, useUpdateProgram } from "../../../../../lib/hooks/programs"
import { ruleTreatment } from "../../../../../lib/program-terms"
import type { AffiliateProgram, AffiliateProgramRule } from "../../../../../../types/http"
import { ProgramRuleDrawer } from "./program-rule-drawer"

const targetPath = (rule: AffiliateProgramRule) =>
  rule.target_type === "product" ? `/products/${rule.target_id}` : `/collections/${rule.target_id}`

/** Per-product and per-collection exceptions to the program's rate. */
export const ProgramRulesSection = ({ program }: { program: AffiliateProgram }) => {
  const [drawer, setDrawer] = useState<{ open: boolean; editing: { rule: AffiliateProgramRule; title: string } | null }>({
    open: false,
    editing: null,
  })
  const prompt = usePrompt()
  const { mutateAsync } = useUpdateProgram()
  const rules = program.rules ?? []
  const { titles } = useRuleTargetTitles(rules)
  const titleOf = (rule: AffiliateProgramRule) => titles[rule.target_id] ?? rule.target_id

  const removeRule = async (rule: AffiliateProgramRule) => {
    const title = titleOf(rule)
    const confirmed = await prompt({
      title: "Remove rule?",
      description: `Items of ${title} will earn the program's own rate again, on orders from now on.`,
      confirmText: "Remove",
      cancelText: "Cancel",
      variant: "danger",
    })
    if (!confirmed) {
      return
    }
    try {
      await mutateAsync({
        id: program.id,
        rules: rules
          .filter((r) => !(r.target_type === rule.target_type && r.target_id === rule.target_id))
          .map(toRulePayload),
      })
      toast.success(`Rule for ${title} removed`)
    } catch (error) {
      toast.error("Could not remove the rule", { description: errorMessage(error) })
    }
  }

  return (
    <Container className="divide-y p-0">
      <SectionHeader
        title="Product and collection rules"
        subtitle="Another rate, or no commission, for some items"
        actions={
          <Button size="small" variant="secondary" onClick={() => setDrawer({ open: true, editing: null })}>
            Add rule
          </Button>
        }
      />
      {!rules.length ? (
        <NoRecords title="No rules" message={`Every item earns the program's rate.`} />
      ) : (
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>Applies to</Table.HeaderCell>
              <Table.HeaderCell>Commission</Table.HeaderCell>
              <Table.HeaderCell className="w-[1%]">
                <span className="sr-only">Actions</span>
              </Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {rules.map((rule) => (
              <Table.Row key={`${rule.target_type}:${rule.target_id}`}>
                <Table.Cell>
                  <div className="flex flex-col py-1">
                    <Link
                      to={targetPath(rule)}
                      className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover txt-compact-small-plus"
                    >
                      {titleOf(rule)}
                    </Link>
                    <Text size="xsmall" leading="compact" className="text-ui-fg-subtle">
                      {rule.target_type === "product" ? "Product" : "Collection"}
                    </Text>
                  </div>
                </Table.Cell>
                <Table.Cell>{ruleTreatment(rule, program)}</Table.Cell>
                <Table.Cell>
                  <ActionMenu
                    label={`Actions for the rule on ${titleOf(rule)}`}
                    groups={[
                      [
                        {
                          label: "Edit",
                          icon: <PencilSquare />,
                          onClick: () => setDrawer({ open: true, editing: { rule, title: titleOf(rule) } }),
                        },
                        { label: "Remove", icon: <Trash />, onClick: () => removeRule(rule) },
                      ],
                    ]}
                  />
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
      <ProgramRuleDrawer
        program={program}
        editing={drawer.editing}
        open={drawer.open}
        onOpenChange={(open) => setDrawer((prev) => ({ ...prev, open }))}
      />
    </Container>
  )
}
