/** Command line of `npm run bench -- [--quick] [--json FILE] [--only 1,3] [--repeats N]`. */
export interface BenchArgs {
	quick: boolean;
	jsonPath?: string;
	only?: Set<string>;
	repeats?: number;
}

export function parseBenchArgs(argv: string[]): BenchArgs {
	const args: BenchArgs = { quick: false };
	for (let i = 0; i < argv.length; i++) {
		const [name, inline] = argv[i].split(/=(.*)/s, 2);
		const take = (): string => {
			const value = inline ?? argv[++i];
			if (value === undefined) throw new Error(`${name} needs a value`);
			return value;
		};
		switch (name) {
			case '--quick':
				args.quick = true;
				break;
			case '--json':
				args.jsonPath = take();
				break;
			case '--only':
				args.only = new Set(
					take()
						.split(',')
						.map((s) => s.trim()),
				);
				break;
			case '--repeats': {
				const n = Number(take());
				if (!Number.isInteger(n) || n < 1) throw new Error('--repeats must be a positive integer');
				args.repeats = n;
				break;
			}
			default:
				throw new Error(
					`Unknown option ${name}. Usage: npm run bench -- [--quick] [--json FILE] [--only 1,2,...] [--repeats N]`,
				);
		}
	}
	return args;
}
