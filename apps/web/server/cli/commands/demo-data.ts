import { seedDemo } from "@sharelinks/db";
import type { Command } from "../command";

export const demoDataCommand: Command = {
  name: "demo-data",
  summary: "Fill an empty database with the demo brands, people and reports",
  usage: "",
  options: {},
  async run({ io, open }) {
    const { services } = await open();
    const seed = await seedDemo(services);
    if (!seed.seeded) {
      io.stderr.write("The database already has a brand: demo data is only added to an empty database.\n");
      return;
    }
    io.stderr.write(`Demo data added. Sign in as ${seed.email} / ${seed.password}; demo API key:\n`);
    io.stdout.write(`${seed.apiKey}\n`);
  },
};
