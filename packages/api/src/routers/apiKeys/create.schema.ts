export { type CreateApiKeyInput, createApiKeyInputSchema } from "@sharelinks/core";
