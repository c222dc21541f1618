import { formatSeconds } from '../n8n/run';

export interface CheckResult {
	name: string;
	ok: boolean;
	ms: number;
	detail?: string;
}

/** Collects the e2e checks, prints each as it finishes, and the totals line at the end. */
export class Report {
	readonly results: CheckResult[] = [];

	async check(name: string, body: () => Promise<void> | void): Promise<boolean> {
		const started = Date.now();
		try {
			await body();
			this.add({ name, ok: true, ms: Date.now() - started });
			return true;
		} catch (error) {
			const detail = error instanceof Error ? error.message : String(error);
			this.add({ name, ok: false, ms: Date.now() - started, detail });
			return false;
		}
	}

	add(result: CheckResult): void {
		this.results.push(result);
		const mark = result.ok ? '\x1b[32m✓\x1b[0m' : '\x1b[31m✗\x1b[0m';
		console.log(`${mark} ${result.name} (${formatSeconds(result.ms)})`);
		if (result.detail) console.log(indent(result.detail));
	}

	get failed(): number {
		return this.results.filter((result) => !result.ok).length;
	}

	get passed(): number {
		return this.results.length - this.failed;
	}

	printSummary(): void {
		const failures = this.results.filter((result) => !result.ok);
		if (failures.length > 0) {
			console.log('\nFailed:');
			for (const failure of failures) console.log(`  ✗ ${failure.name}`);
		}
		console.log(`${this.passed} passed, ${this.failed} failed`);
	}
}

function indent(text: string): string {
	return text
		.split('\n')
		.slice(0, 40)
		.map((line) => `    ${line}`)
		.join('\n');
}
