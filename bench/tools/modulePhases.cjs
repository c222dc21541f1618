/*
 * Profiling aid for scenario 4 (not part of the bench): requires the Phone Numbers node from an unbundled built
 * tree (argv[2], default dist) after preloading n8n-workflow, and prints the self time of each module it loads
 * (its load time minus its children's), slowest first. Run: npm exec -- node bench/tools/modulePhases.cjs [dir]
 */
'use strict';
const Module = require('node:module');
const path = require('node:path');

const dist = path.resolve(process.argv[2] || 'dist');
require('n8n-workflow');
const selfMs = new Map();
const stack = [];
const originalLoad = Module._load;
Module._load = function (request, parent, isMain) {
	const frame = {
		request: parent
			? path.relative(dist, path.resolve(path.dirname(parent.filename), request))
			: request,
		children: 0,
	};
	stack.push(frame);
	const start = performance.now();
	try {
		return originalLoad.call(this, request, parent, isMain);
	} finally {
		const total = performance.now() - start;
		stack.pop();
		selfMs.set(frame.request, (selfMs.get(frame.request) ?? 0) + total - frame.children);
		if (stack.length > 0) stack[stack.length - 1].children += total;
	}
};
const start = performance.now();
require(
	path.join(dist, 'nodes/AzureCommunicationPhoneNumbers/AzureCommunicationPhoneNumbers.node.js'),
);
const total = performance.now() - start;
Module._load = originalLoad;
const rows = [...selfMs.entries()].sort((a, b) => b[1] - a[1]).slice(0, 15);
console.log(`total ${total.toFixed(1)} ms, ${selfMs.size} requires`);
for (const [name, ms] of rows) console.log(`${ms.toFixed(2).padStart(7)} ms  ${name}`);
