export {
  type ByIdInput as RevokeApiKeyInput,
  byIdInputSchema as revokeApiKeyInputSchema,
} from "../../schemas";
