/** What every scenario gets and returns. */
import type { BenchEmulator } from './emulator';
import type { Figure } from './result';

export interface ScenarioContext {
	emu: BenchEmulator;
	quick: boolean;
	/** --repeats override */
	repeats?: number;
	log(message: string): void;
}

export interface Scenario {
	id: string;
	title: string;
	run(ctx: ScenarioContext): Promise<Figure[]>;
}

export function repeatsOf(ctx: ScenarioContext, full: number, quick = 1): number {
	return ctx.repeats ?? (ctx.quick ? quick : full);
}

export function elapsedSeconds(startMs: number): number {
	return (performance.now() - startMs) / 1000;
}
