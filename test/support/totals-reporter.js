/**
 * Prints the run's totals alone on the last line, `N passed, N failed`, the form CI reads.
 */
class TotalsReporter {
	onRunComplete(_contexts, results) {
		const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
		const skipped = results.numPendingTests + results.numTodoTests;
		const tail = skipped > 0 ? `, ${skipped} skipped` : '';
		process.stdout.write(`\n${results.numPassedTests} passed, ${failed} failed${tail}\n`);
	}
}
module.exports = TotalsReporter;
