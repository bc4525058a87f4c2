import { Button, Drawer } from "@medusajs/ui"
import type { FormEvent, ReactNode } from "react"
import { FormAlert } from "./form-alert"

type DrawerFormProps = {
  open: boolean
  onOpenChange: (open: boolean) => void
  title: string
  description?: string
  submitLabel?: string
  isSubmitting?: boolean
  /** Nothing to submit (yet): the submit button is disabled. */
  submitDisabled?: boolean
  formError?: string
  onSubmit: () => void
  children: ReactNode
}

/** An edit form in a side drawer, with the dashboard's Cancel / Save footer. */
export const DrawerForm = ({
  open,
  onOpenChange,
  title,
  description,
  submitLabel = "Save",
  isSubmitting,
  submitDisabled,
  formError,
  onSubmit,
  children,
}: DrawerFormProps) => {
  const handleSubmit = (event: FormEvent) => {
    event.preventDefault()
    onSubmit()
  }
  return (
    <Drawer open={open} onOpenChange={onOpenChange}>
      <Drawer.Content aria-describedby={undefined}>
        <form onSubmit={handleSubmit} className="flex flex-1 flex-col overflow-hidden" noValidate>
          <Drawer.Header>
            <Drawer.Title>{title}</Drawer.Title>
            {description && <Drawer.Description>{description}</Drawer.Description>}
          </Drawer.Header>
          <Drawer.Body className="flex flex-1 flex-col gap-y-6 overflow-y-auto">
            <FormAlert message={formError} />
            {children}
          </Drawer.Body>
          <Drawer.Footer>
            <div className="flex items-center justify-end gap-x-2">
              <Drawer.Close asChild>
                <Button size="small" variant="secondary" type="button">
                  Cancel
                </Button>
              </Drawer.Close>
              <Button size="small" type="submit" isLoading={isSubmitting} disabled={submitDisabled}>
                {submitLabel}
              </Button>
            </div>
          </Drawer.Footer>
        </form>
      </Drawer.Content>
    </Drawer>
  )
}
