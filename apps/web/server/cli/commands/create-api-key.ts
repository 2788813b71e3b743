import { createApiKey, createApiKeyInputSchema } from "@sharelinks/core";
import { type Command, optional, parseWith, required } from "../command";
import { CliError } from "../io";

export const createApiKeyCommand: Command = {
  name: "create-api-key",
  summary: "Create an API key for a user; prints the key (shown once, stored hashed)",
  usage: "--email <user's email> [--name <what the key is for>]",
  options: { email: { type: "string" }, name: { type: "string" } },
  async run({ io, values, open }) {
    const email = required(values, "email");
    const input = parseWith(createApiKeyInputSchema, { name: optional(values, "name") }, { name: "--name" });
    const { services } = await open();
    const user = await services.accounts.accounts.findUserByEmail(email);
    if (!user) throw new CliError(`no user with the email ${email}`);
    const { key } = await createApiKey(services.accounts, user.id, input);
    io.stderr.write(`API key for ${user.email} (shown once; use it as "Authorization: Bearer <key>"):\n`);
    io.stdout.write(`${key}\n`);
  },
};
