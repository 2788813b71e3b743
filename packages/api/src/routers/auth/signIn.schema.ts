export { type SignInInput, signInInputSchema } from "@sharelinks/core";
