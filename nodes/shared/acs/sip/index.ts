export * from './types';
export * from './dotnetRegex';
export * from './routePatternLint';
export * from './routeMatcher';
export * from './mergePatch';
export * from './configValidation';
export * from './desiredStatePlanner';
export * from './patternEvaluation';
