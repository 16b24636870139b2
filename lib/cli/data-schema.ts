// `data-schema`: prints the JSON Schema of the dataset files, built from the validator's constants
// (`npm run --silent data:schema > assets/dataset/schema.json` after changing a rule; a test compares).
import { serializeSchema } from '../dataset/schema';
import type { CliIo } from './data-check';

const processIo: CliIo = { stdout: (text) => process.stdout.write(text), stderr: (text) => process.stderr.write(text) };

export async function run(args: string[], io: CliIo = processIo): Promise<number> {
  if (args.length > 0) {
    io.stderr('usage: data-schema (takes no arguments)\n');
    return 2;
  }
  io.stdout(serializeSchema());
  return 0;
}
