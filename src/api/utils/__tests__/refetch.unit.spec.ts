import { isConnectionLost } from "../../../modules/affiliate/database/database-errors"
import { readAgainOnLostConnection } from "../refetch"

const lost = Object.assign(new Error("select 1 - terminating connection due to administrator command"), { code: "57P01" })

describe("isConnectionLost", () => {
  it("knows a terminated, reset or ended connection, also wrapped as a cause", () => {
    expect(isConnectionLost(lost)).toBe(true)
    expect(isConnectionLost(new Error("select ... - Connection terminated unexpectedly"))).toBe(true)
    expect(isConnectionLost(Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET" }))).toBe(true)
    expect(isConnectionLost(new Error("wrapped", { cause: lost }))).toBe(true)
  })

  it("does not take a refused statement for a lost connection", () => {
    expect(isConnectionLost(Object.assign(new Error("duplicate key value"), { code: "23505" }))).toBe(false)
    expect(isConnectionLost(new Error("Affiliate with id: x was not found"))).toBe(false)
    expect(isConnectionLost(undefined)).toBe(false)
  })
})

describe("readAgainOnLostConnection", () => {
  it("runs a read again after a lost connection, up to three times", async () => {
    let calls = 0
    await expect(readAgainOnLostConnection(async () => (++calls < 3 ? Promise.reject(lost) : "answer"))).resolves.toBe("answer")
    expect(calls).toBe(3)

    calls = 0
    await expect(readAgainOnLostConnection(async () => (++calls, Promise.reject(lost)))).rejects.toBe(lost)
    expect(calls).toBe(3)
  })

  it("does not run a read again for any other error", async () => {
    let calls = 0
    const refused = new Error("invalid input syntax")
    await expect(readAgainOnLostConnection(async () => (++calls, Promise.reject(refused)))).rejects.toBe(refused)
    expect(calls).toBe(1)
  })
})
