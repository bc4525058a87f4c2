import { cartReferralRefusal } from "../cart-referral-owner"

describe("cartReferralRefusal: who may put a referral on a cart", () => {
  const cart = { cart_id: "cart_1", cart_customer_id: "cus_1", cart_customer_has_account: true }

  it("anyone holding a guest cart's id (no customer, or a customer without an account)", () => {
    expect(cartReferralRefusal({ ...cart, cart_customer_id: null, requester_customer_id: null })).toBeNull()
    expect(cartReferralRefusal({ ...cart, cart_customer_has_account: false, requester_customer_id: null })).toBeNull()
    expect(cartReferralRefusal({ ...cart, cart_customer_has_account: false, requester_customer_id: "cus_2" })).toBeNull()
  })

  it("only the registered customer of the cart, logged in", () => {
    expect(cartReferralRefusal({ ...cart, requester_customer_id: "cus_1" })).toBeNull()
    expect(cartReferralRefusal({ ...cart, requester_customer_id: null })).toMatch(/cart_1 belongs to a registered customer/)
    expect(cartReferralRefusal({ ...cart, requester_customer_id: "cus_2" })).toMatch(/only they, logged in/)
  })
})
