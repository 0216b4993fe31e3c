/**
 * The {@code .vmo} scenario language of {@code shared/spec/vmo-scenarios.md}: lexer, parser,
 * interpreter and {@link dev.bootsplice.vm.scenario.ScenarioRunner}.
 *
 * <p>A client of the public syscall surface of {@link dev.bootsplice.vm.Kernel}, as the splicer is:
 * statements become syscalls, and {@code expect_*} statements read the model through its public
 * queries ({@code lookupDepth}, {@code ownedPages}, {@code peekPage}, {@code stats}, ...). Nothing
 * here reaches into the kernel's package-private classes; {@code ImportRulesTest} keeps
 * {@code dev.bootsplice.vm} from depending on this package.
 */
package dev.bootsplice.vm.scenario;
