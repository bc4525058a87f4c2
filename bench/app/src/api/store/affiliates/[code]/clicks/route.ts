// The plugin's click route, unchanged.
export * from "../../../../../../../../src/api/store/affiliates/[code]/clicks/route"
