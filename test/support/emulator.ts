/**
 * Jest helper: one emulator per test file (random port), reset before each test, stopped after all.
 *   const emulator = withEmulator();
 *   it('...', async () => { const emu = emulator(); ... });
 */
import { startEmulator, type RunningEmulator, type StartEmulatorOptions } from '../../emulator';

export function withEmulator(options: StartEmulatorOptions = {}): () => RunningEmulator {
  let running: RunningEmulator | undefined;
  beforeAll(async () => {
    running = await startEmulator({ ...options, port: options.port ?? 0 });
  });
  beforeEach(async () => {
    await running?.control.reset();
  });
  afterAll(async () => {
    await running?.stop();
    running = undefined;
  });
  return () => {
    if (!running) throw new Error('The emulator is not running: call emulator() inside a test or hook.');
    return running;
  };
}
