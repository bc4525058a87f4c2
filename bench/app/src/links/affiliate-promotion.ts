// The plugin's link, unchanged.
export { default } from "../../../../src/links/affiliate-promotion"
