/** The first two checks of every real-n8n run: the package builds completely, and n8n is installed (reused when present). */
import { buildPackage, missingBuildOutputs } from '../n8n/extension';
import { ensureN8nInstalled } from '../n8n/install';
import { N8N_VERSION } from '../n8n/paths';
import type { Report } from './report';

export async function checkBuiltAndN8nInstalled(
	report: Report,
	log: (line: string) => void,
): Promise<boolean> {
	const built = await report.check('npm run build', async () => {
		const build = await buildPackage();
		if (!build.ok) throw new Error(build.detail);
		const missing = missingBuildOutputs();
		if (missing.length > 0) throw new Error(`missing from dist/: ${missing.join(', ')}`);
	});
	if (!built) return false;
	await report.check(`n8n ${N8N_VERSION} installed (reused when present)`, async () => {
		await ensureN8nInstalled({ log });
	});
	return true;
}
