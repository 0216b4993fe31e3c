package dev.bootsplice.vm.scenario;

import dev.bootsplice.vm.Kernel;
import dev.bootsplice.vm.VmoInfo;

/** {@code expect_info H FIELD VALUE}: one field of {@code zx_object_get_info(H, ZX_INFO_VMO)}. */
final class ScenarioInfoCheck {
    private final Kernel kernel;
    private final ScenarioInterpreter names;

    ScenarioInfoCheck(Kernel kernel, ScenarioInterpreter names) {
        this.kernel = kernel;
        this.names = names;
    }

    /** What differs, or null when the field holds the value. */
    String problem(Statement s) throws ScenarioInterpreter.Failure, ScenarioSyntaxException {
        VmoInfo info = kernel.objectGetInfoVmo(names.handle(s, 0));
        String field = s.args().get(1);
        String value = s.args().get(2);
        switch (field) {
            case "size":
                return ScenarioExpectations.compare(field, info.sizeBytes(), ScenarioValues.number(s.line(), value));
            case "committed":
                return ScenarioExpectations.compare(
                        "committed bytes", info.committedBytes(), ScenarioValues.number(s.line(), value));
            case "num_children":
                return ScenarioExpectations.compare(field, info.numChildren(), ScenarioValues.number(s.line(), value));
            case "flags": {
                int want = ScenarioValues.options(s.line(), value, ScenarioValues.INFO_FLAGS);
                return info.flags() == want ? null : "expected flags " + flags(want) + ", found " + flags(info.flags());
            }
            default:
                return parent(s, info.parentKoid(), value);
        }
    }

    private String parent(Statement s, long got, String value) throws ScenarioInterpreter.Failure {
        long want = value.equals("none") ? 0 : kernel.koid(names.handle(s, 2));
        if (got == want) {
            return null;
        }
        return "expected parent_koid " + (want == 0 ? "0 (none)" : want + " (" + value + ")") + ", found " + got;
    }

    /** A flag set as the scenario language writes it. */
    static String flags(int bits) {
        if (bits == 0) {
            return "0";
        }
        StringBuilder out = new StringBuilder();
        ScenarioValues.INFO_FLAGS.entrySet().stream()
                .sorted(java.util.Map.Entry.comparingByValue())
                .filter(e -> (bits & e.getValue()) != 0)
                .forEach(e -> out.append(out.length() == 0 ? "" : "|").append(e.getKey()));
        return out.toString();
    }
}
