import { ROUTE_TABLE, routeName } from "../../integration-tests/fixtures/route-table"
import { servedRoutes } from "./served-routes"

// The route fuzzer and the authorization matrix cover what the route table lists: a route
// served but missing here would go unfuzzed, so a new route must be added to the table.
describe("integration-tests/fixtures/route-table.ts", () => {
  it("lists every route the plugin serves, once, and no other", () => {
    const listed = ROUTE_TABLE.map(routeName)
    expect(new Set(listed).size).toBe(listed.length)
    expect([...listed].sort()).toEqual(servedRoutes().sort())
  })

  it("names every path parameter of a route, and no other", () => {
    const mismatched = ROUTE_TABLE.filter((route) => {
      const inPath = [...route.path.matchAll(/:(\w+)/g)].map((m) => m[1]).sort()
      return JSON.stringify(inPath) !== JSON.stringify(Object.keys(route.params).sort())
    })
    expect(mismatched.map(routeName)).toEqual([])
  })

  it("describes a body for every POST and a query for every GET and DELETE", () => {
    const undescribed = ROUTE_TABLE.filter((route) => (route.method === "POST" ? !route.body : !route.query))
    expect(undescribed.map(routeName)).toEqual([])
  })
})
