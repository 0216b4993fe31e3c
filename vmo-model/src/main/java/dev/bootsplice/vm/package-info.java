/**
 * A single-threaded, in-memory model of Zircon virtual memory objects.
 *
 * <p>{@link dev.bootsplice.vm.Kernel} is the syscall surface: one method per {@code zx_*} call,
 * returning values and throwing {@link dev.bootsplice.vm.ZxException} for every status other than
 * {@code ZX_OK}. Behind it, package-private classes follow Zircon's layers: handles and rights
 * ({@code HandleTable}, {@code Handle}), user VMOs ({@code Vmo}), copy-on-write nodes
 * ({@code CowPages}) holding page lists ({@code PageList}) of {@code Slot}s, and
 * {@code PhysicalMemory}, which hands out real 4 KiB pages. The semantics are those of
 * {@code shared/spec/zircon-vm.md}; {@link dev.bootsplice.vm.scenario.ScenarioRunner}, a client of this surface, runs the scenario
 * language of {@code shared/spec/vmo-scenarios.md}.
 *
 * <p>The model is single-threaded: no class in this package is safe for use by more than one
 * thread at a time, and none synchronises.
 */
package dev.bootsplice.vm;
