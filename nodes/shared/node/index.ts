export * from './authentication';
export * from './descriptions';
export * from './runItems';
