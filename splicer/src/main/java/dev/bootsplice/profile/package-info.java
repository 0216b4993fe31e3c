/**
 * The boot-cost profiler: {@link dev.bootsplice.profile.Profiler#profile} runs the boot scenario
 * once per strategy on a fresh model and returns a {@link dev.bootsplice.profile.ProfileReport}
 * (the `profile` JSON contract); {@link dev.bootsplice.profile.CostModel} turns counted operations
 * into modeled nanoseconds, {@link dev.bootsplice.profile.Calibrator} measures them here, and
 * {@link dev.bootsplice.profile.DemoImage} is the image profiled when none is given.
 */
package dev.bootsplice.profile;
