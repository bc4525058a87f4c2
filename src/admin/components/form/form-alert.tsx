import { Alert } from "@medusajs/ui"

/** An error of the whole form (one the API did not tie to a field). */
export const FormAlert = ({ message }: { message?: string }) =>
  message ? (
    <Alert variant="error" dismissible={false}>
      {message}
    </Alert>
  ) : null
