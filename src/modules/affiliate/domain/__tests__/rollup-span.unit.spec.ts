import { rollupSpan } from "../rollup-span"

const at = (iso: string) => new Date(iso)

describe("rollupSpan", () => {
  it("takes the whole rolled-up days inside the range and leaves the partial days to the rows", () => {
    expect(rollupSpan(at("2026-01-01T10:00:00Z"), at("2026-01-05T08:00:00Z"), at("2026-02-01T00:00:00Z"))).toEqual({
      rollFrom: at("2026-01-02T00:00:00Z"),
      rollTo: at("2026-01-05T00:00:00Z"),
    })
  })

  it("stops where the rollup stops: later days come from the rows", () => {
    expect(rollupSpan(at("2026-01-01T00:00:00Z"), at("2026-01-31T00:00:00Z"), at("2026-01-20T00:00:00Z"))).toEqual({
      rollFrom: at("2026-01-01T00:00:00Z"),
      rollTo: at("2026-01-20T00:00:00Z"),
    })
  })

  it("uses only whole days of the rollup even if its mark is mid-day", () => {
    expect(rollupSpan(at("2026-01-01T00:00:00Z"), at("2026-01-31T00:00:00Z"), at("2026-01-20T13:00:00Z"))?.rollTo).toEqual(
      at("2026-01-20T00:00:00Z")
    )
  })

  it("is null before the first rollup, for a range within one day, and when the rollup ends before the range", () => {
    expect(rollupSpan(at("2026-01-01T00:00:00Z"), at("2026-01-31T00:00:00Z"), null)).toBeNull()
    expect(rollupSpan(at("2026-01-01T01:00:00Z"), at("2026-01-01T23:00:00Z"), at("2026-02-01T00:00:00Z"))).toBeNull()
    expect(rollupSpan(at("2026-01-01T10:00:00Z"), at("2026-01-02T10:00:00Z"), at("2026-02-01T00:00:00Z"))).toBeNull()
    expect(rollupSpan(at("2026-03-01T00:00:00Z"), at("2026-03-31T00:00:00Z"), at("2026-02-01T00:00:00Z"))).toBeNull()
  })
})
