import { createBrand, createBrandInputSchema } from "@sharelinks/core";
import { type Command, parseWith, required } from "../command";

export const createBrandCommand: Command = {
  name: "create-brand",
  summary: "Create a brand (a tenant); prints its id",
  usage: '--name "Acme Analytics"',
  options: { name: { type: "string" } },
  async run({ io, values, open }) {
    const input = parseWith(createBrandInputSchema, { name: required(values, "name") }, { name: "--name" });
    const { services } = await open();
    const brand = await createBrand(services.provisioning, input);
    io.stderr.write(`Created brand "${brand.name}". Next: create-user --brand ${brand.id} ...\n`);
    io.stdout.write(`${brand.id}\n`);
  },
};
