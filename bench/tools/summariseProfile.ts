/** Summarises a V8 .cpuprofile: self time per function and per file (top entries), and total time per file of ours. */
import { readFileSync } from 'node:fs';

interface ProfileNode {
	id: number;
	callFrame: { functionName: string; url: string; lineNumber: number };
	children?: number[];
}
interface Profile {
	nodes: ProfileNode[];
	samples: number[];
	timeDeltas: number[];
}

const profile = JSON.parse(readFileSync(process.argv[2], 'utf8')) as Profile;
const filter = process.argv[3];
const selfUs = new Map<number, number>();
profile.samples.forEach((id, i) =>
	selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)),
);
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const parentOf = new Map<number, number>();
for (const node of profile.nodes)
	for (const child of node.children ?? []) parentOf.set(child, node.id);

const shortUrl = (url: string) =>
	url
		.replace(/^file:\/\//, '')
		.replace(/.*node_modules\//, 'nm/')
		.replace(/.*\/work\/main\//, '');
const label = (node: ProfileNode) =>
	`${node.callFrame.functionName || '(anon)'} ${shortUrl(node.callFrame.url)}:${node.callFrame.lineNumber}`;

const selfByFunction = new Map<string, number>();
const totalByFunction = new Map<string, number>();
for (const node of profile.nodes) {
	const self = selfUs.get(node.id) ?? 0;
	if (!self) continue;
	selfByFunction.set(label(node), (selfByFunction.get(label(node)) ?? 0) + self);
	const seen = new Set<string>();
	for (let id: number | undefined = node.id; id !== undefined; id = parentOf.get(id)) {
		const key = label(byId.get(id)!);
		if (seen.has(key)) continue;
		seen.add(key);
		totalByFunction.set(key, (totalByFunction.get(key) ?? 0) + self);
	}
}
const top = (map: Map<string, number>, count: number, match?: string) =>
	[...map.entries()]
		.filter(([key]) => !match || key.includes(match))
		.sort((a, b) => b[1] - a[1])
		.slice(0, count)
		.map(([key, us]) => `${(us / 1000).toFixed(1).padStart(9)} ms  ${key}`)
		.join('\n');
console.log('Self time, top 40:\n' + top(selfByFunction, 40));
console.log(
	`\nTotal (inclusive) time${filter ? ` of functions matching "${filter}"` : ''}, top 60:\n` +
		top(totalByFunction, 60, filter),
);
