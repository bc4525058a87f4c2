import { Button, FocusModal, Heading, Text } from "@medusajs/ui"
import type { FormEvent, ReactNode } from "react"
import { FormAlert } from "./form-alert"

type FocusModalFormProps = {
  open: boolean
  onOpenChange: (open: boolean) => void
  title: string
  description?: string
  submitLabel?: string
  isSubmitting?: boolean
  formError?: string
  onSubmit: () => void
  children: ReactNode
}

/** A create form in a full-screen modal, as the dashboard creates its resources. */
export const FocusModalForm = ({
  open,
  onOpenChange,
  title,
  description,
  submitLabel = "Create",
  isSubmitting,
  formError,
  onSubmit,
  children,
}: FocusModalFormProps) => {
  const handleSubmit = (event: FormEvent) => {
    event.preventDefault()
    onSubmit()
  }
  return (
    <FocusModal open={open} onOpenChange={onOpenChange}>
      <FocusModal.Content aria-describedby={undefined}>
        <form onSubmit={handleSubmit} className="flex h-full flex-col overflow-hidden" noValidate>
          <FocusModal.Header>
            <FocusModal.Title className="sr-only">{title}</FocusModal.Title>
          </FocusModal.Header>
          <FocusModal.Body className="flex flex-1 flex-col items-center overflow-y-auto py-16">
            <div className="flex w-full max-w-[720px] flex-col gap-y-8 px-2">
              <div>
                <Heading>{title}</Heading>
                {description && (
                  <Text size="small" className="text-ui-fg-subtle">
                    {description}
                  </Text>
                )}
              </div>
              <FormAlert message={formError} />
              {children}
            </div>
          </FocusModal.Body>
          <FocusModal.Footer>
            <div className="flex items-center justify-end gap-x-2">
              <FocusModal.Close asChild>
                <Button size="small" variant="secondary" type="button">
                  Cancel
                </Button>
              </FocusModal.Close>
              <Button size="small" type="submit" isLoading={isSubmitting}>
                {submitLabel}
              </Button>
            </div>
          </FocusModal.Footer>
        </form>
      </FocusModal.Content>
    </FocusModal>
  )
}
