package dev.bootsplice.vm.scenario;

import dev.bootsplice.vm.Kernel;
import dev.bootsplice.vm.KernelConfig;
import dev.bootsplice.vm.VmoOptions;
import dev.bootsplice.vm.ZxException;
import dev.bootsplice.vm.ZxStatus;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Runs parsed statements against a fresh {@link Kernel}; stops at the first failure. */
final class ScenarioInterpreter {
    /** A statement did not do what the scenario said; the message names what and where. */
    static final class Failure extends Exception {
        final int line;

        Failure(int line, String message) {
            super(message, null, false, false);
            this.line = line;
        }
    }

    private final Map<String, Integer> names = new HashMap<>();
    private final Map<String, Integer> failedBindings = new HashMap<>();
    private Kernel kernel;

    /** Runs every statement. @throws Failure at the first failing statement */
    void run(List<Statement> statements) throws Failure {
        KernelConfig config = KernelConfig.defaults();
        for (Statement s : statements) {
            if (s.verb().equals("config")) {
                config = configure(config, s);
            }
        }
        kernel = new Kernel(config);
        for (Statement s : statements) {
            if (s.verb().equals("config")) {
                continue;
            }
            if (s.verb().startsWith("expect_")) {
                new ScenarioExpectations(kernel, this).check(s);
            } else {
                runSyscall(s);
            }
        }
    }

    private static KernelConfig configure(KernelConfig c, Statement s) {
        for (String kv : s.args()) {
            String key = kv.substring(0, kv.indexOf('='));
            String value = kv.substring(kv.indexOf('=') + 1);
            try {
                switch (key) {
                    case "profile":
                        c = c.withProfile(ScenarioValues.profile(s.line(), value));
                        break;
                    case "clones":
                        c = c.withClones(ScenarioValues.clones(s.line(), value));
                        break;
                    default:
                        c = c.withMemoryLimitPages(ScenarioValues.number(s.line(), value));
                        break;
                }
            } catch (ScenarioSyntaxException e) {
                throw new IllegalStateException("config was validated by the parser", e);
            }
        }
        return c;
    }

    private void runSyscall(Statement s) throws Failure {
        ZxStatus got;
        String reason = "";
        Integer result = null;
        try {
            result = execute(s);
            got = ZxStatus.OK;
        } catch (ZxException e) {
            got = e.status();
            reason = " (" + e.getMessage().substring(e.getMessage().indexOf(": ") + 2) + ")";
        } catch (ScenarioSyntaxException e) {
            throw new IllegalStateException("arguments were validated by the parser", e);
        }
        if (s.bind() != null) {
            if (got == ZxStatus.OK) {
                names.put(s.bind(), result);
                failedBindings.remove(s.bind());
            } else {
                names.remove(s.bind());
                failedBindings.put(s.bind(), s.line());
            }
        } else if (result != null && got == ZxStatus.OK) {
            kernel.handleClose(result);
        }
        if (got != s.expected()) {
            throw new Failure(
                    s.line(), s.text() + ": expected " + s.expected().zxName() + ", got " + got.zxName() + reason);
        }
    }

    /** Performs the syscall; returns the handle it created, if any. */
    private Integer execute(Statement s) throws Failure, ScenarioSyntaxException {
        List<String> a = s.args();
        int line = s.line();
        switch (s.verb()) {
            case "vmo_create":
                return kernel.vmoCreate(
                        num(s, 0),
                        a.size() > 1 ? ScenarioValues.options(line, a.get(1), ScenarioValues.CREATE_OPTIONS) : 0);
            case "vmo_create_child":
                return kernel.vmoCreateChild(
                        handle(s, 0),
                        ScenarioValues.options(line, a.get(1), ScenarioValues.CHILD_OPTIONS),
                        num(s, 2),
                        num(s, 3));
            case "vmo_create_physical":
                return kernel.vmoCreatePhysical(num(s, 0));
            case "vmo_create_contiguous":
                return kernel.vmoCreateContiguous(num(s, 0), 0);
            case "pager_create_vmo":
                return kernel.pagerCreateVmo(num(s, 0), 0);
            case "handle_duplicate":
                return kernel.handleDuplicate(handle(s, 0), ScenarioValues.rights(line, a.get(1)));
            case "handle_replace": {
                int h = kernel.handleReplace(handle(s, 0), ScenarioValues.rights(line, a.get(1)));
                names.remove(a.get(0));
                return h;
            }
            case "event_create":
                return kernel.eventCreate();
            case "replace_as_executable": {
                int h = handle(s, 0);
                names.remove(a.get(0));
                return kernel.vmoReplaceAsExecutable(h, 0);
            }
            case "pin":
                return kernel.btiPin(VmoOptions.BTI_PERM_READ, handle(s, 0), num(s, 1), num(s, 2));
            default:
                executeVoid(s);
                return null;
        }
    }

    /** Syscalls that return no handle. */
    private void executeVoid(Statement s) throws Failure, ScenarioSyntaxException {
        List<String> a = s.args();
        int line = s.line();
        switch (s.verb()) {
            case "pager_supply_pages":
                kernel.pagerSupplyPages(handle(s, 0), num(s, 1), num(s, 2), handle(s, 3), num(s, 4));
                break;
            case "vmo_write": {
                byte[] b = ScenarioValues.string(line, a.get(2));
                kernel.vmoWrite(handle(s, 0), b, 0, num(s, 1), b.length);
                break;
            }
            case "fill":
                kernel.vmoWriteFill(
                        handle(s, 0), num(s, 1), num(s, 2), (byte) ScenarioValues.byteToken(line, a.get(3), false));
                break;
            case "vmo_read":
                kernel.vmoReadDiscard(handle(s, 0), num(s, 1), num(s, 2));
                break;
            case "vmo_set_size":
                kernel.vmoSetSize(handle(s, 0), num(s, 1));
                break;
            case "vmo_op_range":
                kernel.vmoOpRange(handle(s, 0), ScenarioValues.op(line, a.get(1)), num(s, 2), num(s, 3));
                break;
            case "transfer_data":
                kernel.vmoTransferData(handle(s, 0), (int) num(s, 1), num(s, 2), num(s, 3), handle(s, 4), num(s, 5));
                break;
            case "set_name":
                kernel.setName(
                        handle(s, 0),
                        new String(ScenarioValues.string(line, a.get(1)), java.nio.charset.StandardCharsets.UTF_8));
                break;
            case "set_content_size":
                kernel.setContentSize(handle(s, 0), num(s, 1));
                break;
            case "handle_close":
                kernel.handleClose(handle(s, 0));
                names.remove(a.get(0));
                break;
            case "unpin":
                kernel.pmtUnpin(handle(s, 0));
                names.remove(a.get(0));
                break;
            default:
                throw new IllegalStateException("unknown verb " + s.verb());
        }
    }

    private static long num(Statement s, int i) throws ScenarioSyntaxException {
        return ScenarioValues.number(s.line(), s.args().get(i));
    }

    /** The handle a name is bound to; {@code invalid} is 0. @throws Failure when the name is unbound */
    int handle(Statement s, int i) throws Failure {
        String name = s.args().get(i);
        if (name.equals("invalid")) {
            return 0;
        }
        Integer h = names.get(name);
        if (h == null) {
            Integer failedAt = failedBindings.get(name);
            throw new Failure(
                    s.line(),
                    s.text() + ": '" + name + "' is not bound"
                            + (failedAt != null
                                    ? " (its binding at line " + failedAt + " failed)"
                                    : " (it was closed or replaced)"));
        }
        return h;
    }
}
