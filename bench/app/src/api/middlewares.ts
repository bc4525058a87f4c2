// The plugin's middlewares (body validation of the click route), unchanged.
export { default } from "../../../../src/api/middlewares"
