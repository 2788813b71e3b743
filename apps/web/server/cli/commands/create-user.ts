import { createUser, createUserInputSchema } from "@sharelinks/core";
import { z } from "zod";
import { type Command, optional, parseWith, required } from "../command";
import { readNewPassword } from "../password";

export const createUserCommand: Command = {
  name: "create-user",
  summary: "Add a user who signs in with a password (asked for, or read from stdin); prints the user id",
  usage: "--brand <brand id> --email <email> [--name <name>] [--role manager|member (default member)]",
  options: {
    brand: { type: "string" },
    email: { type: "string" },
    name: { type: "string" },
    role: { type: "string", default: "member" },
  },
  async run({ io, values, open }) {
    const brandId = parseWith(
      z.object({ brand: z.uuid() }),
      { brand: required(values, "brand") },
      {
        brand: "--brand",
      },
    ).brand;
    const flags = { email: "--email", name: "--name", role: "--role", password: "password" };
    const fields = { email: required(values, "email"), name: optional(values, "name"), role: values.role };
    // Checked before the prompt, so a typo is not found out after typing a password twice.
    parseWith(createUserInputSchema.omit({ password: true }), fields, flags);
    const password = await readNewPassword(io, fields.email);
    const input = parseWith(createUserInputSchema, { ...fields, password }, flags);
    const { services } = await open();
    const user = await createUser(services.provisioning, brandId, input);
    io.stderr.write(`Created ${user.role} ${user.email}: they can sign in now.\n`);
    io.stdout.write(`${user.id}\n`);
  },
};
