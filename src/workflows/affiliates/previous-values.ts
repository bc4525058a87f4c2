/**
 * What to write back to undo an update of `patch` over `before`: each patched field's old
 * value. Metadata is merged by Medusa on update (a key set to "" is removed), so keys the
 * patch added are removed and the old keys are written back.
 */
export function previousValues<T extends Record<string, any>>(before: T, patch: Partial<T>): Partial<T> {
  const restore: Record<string, unknown> = {}
  for (const key of Object.keys(patch)) {
    if (key === "metadata" && before.metadata && patch.metadata) {
      const added = Object.keys(patch.metadata).filter((k) => !(k in before.metadata))
      restore.metadata = { ...before.metadata, ...Object.fromEntries(added.map((k) => [k, ""])) }
    } else {
      restore[key] = before[key] ?? null
    }
  }
  return restore as Partial<T>
}
