package dev.bootsplice.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bootsplice.format.ImageChecker;
import dev.bootsplice.format.Problem;
import dev.bootsplice.format.ZbiFormatException;
import dev.bootsplice.format.ZbiImage;
import dev.bootsplice.report.Check;
import dev.bootsplice.report.SizeBudget;
import dev.bootsplice.report.SizeBudgetResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code bootsplice verify}: every format rule, every compressed payload, every CRC. */
@Command(
        name = "verify",
        description = {
            "Check every format rule, compressed payload and CRC.",
            "Prints OK IMAGE, or the problems on stderr. Exit 0 valid, 3 invalid, 4 valid but a --fail-on size budget holds."
        })
final class VerifyCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "IMAGE", description = "A ZBI or bare BOOTFS file (- for standard input).")
    private Path image;

    @Option(names = "--json", description = "Print {\"image\", \"valid\", \"problems\"} as JSON.")
    private boolean json;

    @Option(names = "--strict", description = "Fail on warnings too.")
    private boolean strict;

    @Option(
            names = "--fail-on",
            paramLabel = "size[GLOB]OP SIZE",
            converter = FailOn.SizeOnlyConverter.class,
            description = {
                "A size budget (repeatable); exit 4 when it holds, e.g. size[bin/**]>8MiB or "
                        + "size[*].compressed>32MiB."
            })
    private List<SizeBudget> budgets = new ArrayList<>();

    @Override
    public Integer call() {
        return run(spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    /** Sets what the command line would (for {@link QuickCommands}, which parses it without picocli). */
    VerifyCommand with(Path image, boolean json, boolean strict) {
        this.image = image;
        this.json = json;
        this.strict = strict;
        return this;
    }

    /** Verifies the image. */
    int run(PrintWriter out, PrintWriter err) {
        ZbiImage zbi = null;
        List<Problem> problems;
        List<SizeBudgetResult> sizes = List.of();
        try {
            if (image.toString().equals("-")) {
                zbi = ZbiImage.read(java.nio.ByteBuffer.wrap(System.in.readAllBytes()), "-");
            } else {
                ImageFiles.requireRegularFile(image);
                zbi = ImageFiles.track(ZbiImage.open(image));
            }
            problems = ImageChecker.check(zbi, true, strict);
            if (!ImageChecker.hasErrors(problems)) {
                sizes = SizeBudgets.evaluate(budgets, zbi, image.toString());
            }
        } catch (ZbiFormatException e) {
            problems = List.of(Problem.of(e));
        } catch (IOException e) {
            throw CommandFailure.unreadable(image, e);
        } finally {
            if (zbi != null) {
                ImageFiles.closeQuietly(zbi);
            }
        }
        boolean valid = strict ? problems.isEmpty() : !ImageChecker.hasErrors(problems);
        List<Check> checks = sizes.stream().map(Check::of).toList();
        if (json) {
            ObjectNode root = Json.object();
            root.put("image", image.toString());
            root.put("valid", valid);
            root.set("problems", Json.problems(problems));
            if (!checks.isEmpty()) {
                ArrayNode array = root.putArray("budgets");
                checks.forEach(c -> array.addObject()
                        .put("budget", c.name())
                        .put("message", c.message())
                        .put("failed", c.failed()));
            }
            Json.print(root, out);
        } else if (valid) {
            out.println("OK " + IoMessages.printable(image.toString()));
            checks.forEach(c -> out.println("  " + c.message()));
        }
        for (Problem p : problems) {
            err.println("bootsplice: " + ImageFiles.describe(image, p));
        }
        if (!valid) {
            return ExitCodes.INVALID_INPUT;
        }
        CiEnvironment.reportFailures(checks, err);
        return checks.stream().anyMatch(Check::failed) ? ExitCodes.CHECK_FAILED : ExitCodes.OK;
    }
}
