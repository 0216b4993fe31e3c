package dev.bootsplice.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code bootsplice vm}: commands that drive the Zircon VM model directly. */
@Command(name = "vm", description = "Drive the Zircon VM model directly.", subcommands = VmRunCommand.class)
final class VmCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "missing command (try 'bootsplice vm run FILE...')");
    }
}
