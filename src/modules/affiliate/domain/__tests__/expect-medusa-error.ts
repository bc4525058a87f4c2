import { MedusaError } from "@medusajs/framework/utils"

/** Runs fn, expects a MedusaError of `type` whose message contains every part. */
export function expectMedusaError(fn: () => unknown, type: string, ...parts: string[]) {
  let caught: unknown
  try {
    fn()
  } catch (e) {
    caught = e
  }
  expect(caught).toBeInstanceOf(MedusaError)
  const err = caught as MedusaError
  expect(err.type).toBe(type)
  for (const part of parts) {
    expect(err.message).toContain(part)
  }
  return err
}
