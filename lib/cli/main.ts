// The command line: `tsx lib/cli/main.ts <command> [args]`. A small dispatcher; each command lives in
// its own module exporting run(args) → exit status, imported lazily so one command's deps never load another's.
type Command = (args: string[]) => Promise<number>;

const COMMANDS: Record<string, () => Promise<{ run: Command }>> = {
  'data-check': () => import('./data-check.js'),
  'data-export': () => import('./data-export.js'),
  scan: () => import('./scan.js'),
  bench: () => import('./bench.js'),
  eval: () => import('./eval.js'),
};

const USAGE = `usage: main.ts <command> [args]\ncommands: ${Object.keys(COMMANDS).join(', ')}\n`;

function isMissingModule(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND';
}

export async function dispatch(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  const load = name === undefined ? undefined : COMMANDS[name];
  if (name === undefined || load === undefined) {
    process.stderr.write(name === undefined ? USAGE : `unknown command "${name}"\n${USAGE}`);
    return 2;
  }
  let command: { run: Command };
  try {
    command = await load();
  } catch (error) {
    if (!isMissingModule(error)) throw error;
    process.stderr.write(`${name}: not implemented yet\n`);
    return 2;
  }
  return command.run(args);
}

dispatch(process.argv.slice(2)).then(
  (status) => {
    process.exitCode = status;
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 2;
  },
);
