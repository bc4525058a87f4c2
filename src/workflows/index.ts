// Workflows are exported here for apps that compose them (`medusa-affiliates/workflows`).
export {}
