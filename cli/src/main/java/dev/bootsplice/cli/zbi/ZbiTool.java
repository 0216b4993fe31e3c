package dev.bootsplice.cli.zbi;

import dev.bootsplice.cli.SafeFiles;
import dev.bootsplice.format.UsageException;
import dev.bootsplice.format.ZbiFormatException;
import java.io.IOException;
import java.io.PrintStream;

/**
 * {@code bootsplice zbi ARGS...}: the reference {@code zbi} tool's command line (spec §4), parsed by hand
 * because its input switches apply in order to the inputs after them. Exit status 0 on success and 1 on any
 * failure, as the reference tool's; a failure is one line {@code bootsplice zbi: REASON} on stderr. The
 * differences from the 2020 tool are listed in {@code cli/README.md}.
 */
public final class ZbiTool {
    /** The command name after {@code bootsplice}, and the launcher name that runs this command directly. */
    public static final String NAME = "zbi";

    private ZbiTool() {}

    /** Runs {@code zbi} with {@code args}; results go to {@code out}, diagnostics to {@code err}. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            ZbiRequest request = ZbiSwitches.parse(args);
            if (request.help) {
                err.print(ZbiUsage.TEXT);
                return 0;
            }
            return new ZbiRun(request, out, err).run();
        } catch (ZbiUsageError e) {
            return fail(err, e.getMessage() + " (see bootsplice zbi --help)");
        } catch (ZbiFailure | UsageException | ZbiFormatException e) {
            return fail(err, e.getMessage());
        } catch (IOException e) {
            return fail(err, SafeFiles.describe(e));
        } catch (OutOfMemoryError e) {
            return fail(err, "out of memory (give the JVM more with BOOTSPLICE_JAVA_OPTS=-Xmx...)");
        } finally {
            out.flush();
            err.flush();
        }
    }

    private static int fail(PrintStream err, String message) {
        err.println("bootsplice zbi: " + message);
        return 1;
    }
}
