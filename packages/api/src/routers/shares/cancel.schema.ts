export { type CancelSharesInput, cancelSharesInputSchema } from "@sharelinks/core";
