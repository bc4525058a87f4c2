/// <reference types="vite/client" />

// Globals the Medusa admin build defines for the dashboard and for plugin extensions.
declare const __BACKEND_URL__: string | undefined
declare const __BASE__: string
declare const __AUTH_TYPE__: "session" | "jwt" | undefined
declare const __JWT_TOKEN_STORAGE_KEY__: string | undefined
