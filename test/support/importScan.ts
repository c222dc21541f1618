/**
 * Follows every import of every source file under a directory, transitively, and reports each way code from a
 * forbidden directory could be loaded: a resolved file (symlinks resolved) inside a forbidden directory, a symbolic
 * link under the start directory, a load whose target is not a string literal (require, import(), createRequire,
 * eval), a file: URL, the package's own name, a relative import that resolves to no file.
 */
import { existsSync, lstatSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import * as ts from 'typescript';

export interface ScanOptions {
	/** The repository root; reports name paths relative to it. */
	root: string;
	/** The directory whose files are scanned (emulator/). */
	start: string;
	/** Directories no followed file may lie in (nodes/, credentials/). */
	forbidden: string[];
	/** The package's own name: a bare import of it (or of a subpath) loads the package itself. */
	packageName: string;
}

const SOURCE = /\.(c|m)?(t|j)sx?$/;
const EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.d.ts', '.js', '.jsx', '.mjs', '.cjs', '.json'];

export interface ScanResult {
	/** Every problem found, as "file:line: what", sorted; empty when the start directory stands on its own. */
	problems: string[];
	/** Every file read, relative to the root, sorted. */
	followed: string[];
}

export function scanImports(options: ScanOptions): ScanResult {
	const root = realpathSync(options.root);
	const forbidden = options.forbidden.map((dir) =>
		existsSync(dir) ? realpathSync(dir) : resolve(dir),
	);
	const problems = new Set<string>();
	const show = (path: string) => relative(root, path).split(sep).join('/');
	const inside = (path: string, dir: string) => path === dir || path.startsWith(dir + sep);

	const queue: string[] = [];
	walk(
		options.start,
		(path) => problems.add(`${show(path)}: a symbolic link`),
		(path) => queue.push(realpathSync(path)),
	);

	const seen = new Set<string>();
	while (queue.length > 0) {
		const file = queue.shift() as string;
		if (seen.has(file)) continue;
		seen.add(file);
		if (forbidden.some((dir) => inside(file, dir))) continue; // reported where it was imported
		for (const load of loadsOf(file)) {
			const where = `${show(file)}:${load.line}`;
			if (load.problem !== undefined) {
				problems.add(`${where}: ${load.problem}`);
				continue;
			}
			const specifier = load.specifier as string;
			if (/^file:/i.test(specifier)) {
				problems.add(`${where}: file: URL ${specifier}`);
			} else if (
				specifier === options.packageName ||
				specifier.startsWith(`${options.packageName}/`)
			) {
				problems.add(`${where}: the package itself by name (${specifier})`);
			} else if (specifier.startsWith('#')) {
				problems.add(`${where}: a package import map entry (${specifier})`);
			} else if (specifier.startsWith('.') || specifier.startsWith('/')) {
				const target = resolveFile(resolve(dirname(file), specifier));
				if (target === undefined) problems.add(`${where}: ${specifier} resolves to no file`);
				else if (forbidden.some((dir) => inside(target, dir)))
					problems.add(`${where}: ${specifier} -> ${show(target)}`);
				else if (!target.split(sep).includes('node_modules')) queue.push(target);
			}
		}
	}
	return { problems: [...problems].sort(), followed: [...seen].map(show).sort() };
}

/** Calls `onLink` for every symbolic link and `onSource` for every source file under `dir` (links not followed). */
function walk(dir: string, onLink: (path: string) => void, onSource: (path: string) => void): void {
	for (const name of readdirSync(dir)) {
		const path = join(dir, name);
		const stat = lstatSync(path);
		if (stat.isSymbolicLink()) onLink(path);
		else if (stat.isDirectory()) walk(path, onLink, onSource);
		else if (SOURCE.test(name)) onSource(path);
	}
}

/** The real path of the file a specifier names, trying the extensions and index files module resolution tries. */
function resolveFile(base: string): string | undefined {
	const stems = [base, base.replace(/\.(c|m)?jsx?$/, '')];
	const candidates = stems.flatMap((stem) => [
		stem,
		...EXTENSIONS.map((ext) => stem + ext),
		...EXTENSIONS.map((ext) => join(stem, `index${ext}`)),
	]);
	const found = candidates.find((path) => existsSync(path) && statSync(path).isFile());
	return found === undefined ? undefined : realpathSync(found);
}

interface Load {
	line: number;
	specifier?: string;
	problem?: string;
}

/** Every module a file loads or could load, read from its syntax tree (comments and strings are not loads). */
function loadsOf(file: string): Load[] {
	if (!SOURCE.test(file)) return [];
	const text = readFileSync(file, 'utf8');
	const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
	const loads: Load[] = [];
	const lineOf = (node: ts.Node) =>
		source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
	const literal = (node: ts.Node | undefined) =>
		node !== undefined && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node))
			? node.text
			: undefined;
	const add = (node: ts.Node, argument: ts.Node | undefined, what: string) => {
		const specifier = literal(argument);
		loads.push(
			specifier === undefined
				? { line: lineOf(node), problem: `${what} of something other than a string literal` }
				: { line: lineOf(node), specifier },
		);
	};

	for (const reference of [...source.referencedFiles, ...source.typeReferenceDirectives]) {
		loads.push({
			line: source.getLineAndCharacterOfPosition(reference.pos).line + 1,
			specifier: reference.fileName,
		});
	}
	const visit = (node: ts.Node): void => {
		if (
			(ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
			node.moduleSpecifier !== undefined
		) {
			add(node, node.moduleSpecifier, 'import');
		} else if (
			ts.isImportEqualsDeclaration(node) &&
			ts.isExternalModuleReference(node.moduleReference)
		) {
			add(node, node.moduleReference.expression, 'import = require()');
		} else if (ts.isImportTypeNode(node)) {
			add(
				node,
				ts.isLiteralTypeNode(node.argument) ? node.argument.literal : undefined,
				'import() type',
			);
		} else if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
			const callee = calleeName(node.expression);
			if (node.expression.kind === ts.SyntaxKind.ImportKeyword)
				add(node, node.arguments?.[0], 'import()');
			else if (callee === 'require' || (callee === 'resolve' && isRequireResolve(node.expression)))
				add(node, node.arguments?.[0], 'require()');
			else if (callee === 'createRequire')
				loads.push({ line: lineOf(node), problem: 'createRequire() (its require loads any path)' });
			else if (callee === 'eval' || callee === 'Function')
				loads.push({ line: lineOf(node), problem: `${callee}() (runs code built at run time)` });
		} else if (
			ts.isIdentifier(node) &&
			node.text === 'require' &&
			!isCallee(node) &&
			!isPropertyName(node)
		) {
			loads.push({ line: lineOf(node), problem: 'require used as a value' });
		} else if (
			(ts.isStringLiteralLike(node) || ts.isTemplateLiteralToken(node)) &&
			/(^|[^a-z])file:\/\/|^\s*file:\S/i.test(node.text)
		) {
			loads.push({ line: lineOf(node), problem: `file: URL ${JSON.stringify(node.text)}` });
		}
		ts.forEachChild(node, visit);
	};
	visit(source);
	return loads;
}

/** `require`, `x.require`, `createRequire`, `module.createRequire`, `(0, require)`: the name a call goes to. */
function calleeName(expression: ts.Expression): string | undefined {
	let node: ts.Node = expression;
	while (
		ts.isParenthesizedExpression(node) ||
		ts.isNonNullExpression(node) ||
		ts.isAsExpression(node)
	)
		node = node.expression;
	if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.CommaToken)
		return calleeName(node.right);
	if (ts.isIdentifier(node)) return node.text;
	if (ts.isPropertyAccessExpression(node)) return node.name.text;
	if (ts.isElementAccessExpression(node))
		return ts.isStringLiteralLike(node.argumentExpression)
			? node.argumentExpression.text
			: '(computed)';
	return undefined;
}

function isRequireResolve(expression: ts.Expression): boolean {
	return (
		ts.isPropertyAccessExpression(expression) && calleeName(expression.expression) === 'require'
	);
}

function isCallee(node: ts.Identifier): boolean {
	const parent = node.parent;
	return (
		(ts.isCallExpression(parent) && parent.expression === node) ||
		(ts.isPropertyAccessExpression(parent) &&
			parent.expression === node &&
			isRequireResolve(parent))
	);
}

/** `x.require`, `{ require: … }`, a declaration's own name: not the global require. */
function isPropertyName(node: ts.Identifier): boolean {
	const parent = node.parent;
	return (
		(ts.isPropertyAccessExpression(parent) && parent.name === node) ||
		(ts.isPropertyAssignment(parent) && parent.name === node) ||
		((ts.isMethodDeclaration(parent) ||
			ts.isPropertyDeclaration(parent) ||
			ts.isPropertySignature(parent)) &&
			parent.name === node)
	);
}
