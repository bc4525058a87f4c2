// Workflows for apps that compose them (`import { ... } from "medusa-affiliates/workflows"`).
export * from "./attribution/workflows/attribute-order"
