import { zodResolver } from "@hookform/resolvers/zod"
import { useForm, type DefaultValues, type FieldValues } from "react-hook-form"
import type { z } from "zod"

/**
 * A react-hook-form form checked by a zod schema, as the dashboard's own forms are: checked
 * on submit, then again on every change (so an error follows the value), and the first
 * refused field gets the focus.
 */
export const useZodForm = <TValues extends FieldValues>(
  schema: z.ZodType<TValues, TValues>,
  defaultValues: DefaultValues<TValues>
) => useForm<TValues>({ resolver: zodResolver(schema), defaultValues, mode: "onSubmit", reValidateMode: "onChange" })
