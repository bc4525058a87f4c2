import { toast, usePrompt } from "@medusajs/ui"
import { errorMessage } from "../../../../lib/api-errors"
import { useDeleteProgram as useDeleteProgramMutation } from "../../../../lib/hooks/programs"
import type { AffiliateProgram } from "../../../../../types/http"

/**
 * Deletes a program after a confirmation. The default program cannot be deleted (callers do
 * not offer it); the API also refuses a program that still has affiliates, and says so.
 */
export const useDeleteProgram = () => {
  const prompt = usePrompt()
  const remove = useDeleteProgramMutation()

  /** Resolves true when the program was deleted. */
  return async (program: AffiliateProgram): Promise<boolean> => {
    const confirmed = await prompt({
      title: `Delete ${program.name}?`,
      description: "The program and its rules are deleted. Move its affiliates to another program first.",
      confirmText: "Delete",
      cancelText: "Cancel",
      variant: "danger",
    })
    if (!confirmed) {
      return false
    }
    try {
      await remove.mutateAsync(program.id)
      toast.success(`${program.name} deleted`)
      return true
    } catch (error) {
      toast.error(`Could not delete ${program.name}`, { description: errorMessage(error) })
      return false
    }
  }
}
