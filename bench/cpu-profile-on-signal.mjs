// Preloaded (`node --import ./bench/cpu-profile-on-signal.mjs`) by bench/profile-under-load.ts:
// the first SIGUSR2 starts V8's CPU profiler, the second writes CPU_PROFILE_FILE, so the profile
// holds only the load and not the start-up or the seeding before it.
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';

const file = process.env.CPU_PROFILE_FILE;
if (file) {
  const session = new Session();
  session.connect();
  let running = false;
  process.on('SIGUSR2', () => {
    if (!running) {
      running = true;
      session.post('Profiler.enable', () =>
        session.post('Profiler.setSamplingInterval', { interval: 200 }, () =>
          session.post('Profiler.start', () => console.log('profiling')),
        ),
      );
      return;
    }
    running = false;
    session.post('Profiler.stop', (error, result) => {
      if (!error) writeFileSync(file, JSON.stringify(result.profile));
      console.log(error ? `profile failed: ${error.message}` : `profile written`);
    });
  });
}
