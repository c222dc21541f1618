/**
 * Jest helper: one emulator per test file (random port), reset before each test (with what the transport learnt
 * about its operation durations), stopped after all.
 *   const emulator = withEmulator();
 *   it('...', async () => { const emu = emulator(); ... });
 */
import { startEmulator, type RunningEmulator, type StartEmulatorOptions } from '../../emulator';
import { finishTimes } from '../../nodes/shared/transport/lro';

export function withEmulator(options: StartEmulatorOptions = {}): () => RunningEmulator {
  let running: RunningEmulator | undefined;
  beforeAll(async () => {
    running = await startEmulator({ ...options, port: options.port ?? 0 });
  });
  beforeEach(async () => {
    await running?.control.reset();
    // A reset emulator is a new service: what the transport learnt about its operations' durations is forgotten too.
    finishTimes.clear();
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
