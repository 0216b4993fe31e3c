package dev.bootsplice.vm.scenario;

import dev.bootsplice.vm.ZxStatus;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Parses the scenario language of vmo-scenarios.md into statements, checking arity and names. */
final class ScenarioParser {
    /** Verb → argument kinds: H handle, N number, U 32-bit number, S string, O options, R rights, B byte, X other word. */
    private static final Map<String, String> SYSCALLS = Map.ofEntries(
            Map.entry("vmo_create", "N?O"),
            Map.entry("vmo_create_child", "HONN"),
            Map.entry("vmo_create_physical", "N"),
            Map.entry("vmo_create_contiguous", "N"),
            Map.entry("pager_create_vmo", "N"),
            Map.entry("pager_supply_pages", "HNNHN"),
            Map.entry("vmo_write", "HNS"),
            Map.entry("fill", "HNNB"),
            Map.entry("vmo_read", "HNN"),
            Map.entry("vmo_set_size", "HN"),
            Map.entry("vmo_op_range", "HXNN"),
            Map.entry("transfer_data", "HUNNHN"),
            Map.entry("handle_duplicate", "HR"),
            Map.entry("handle_replace", "HR"),
            Map.entry("handle_close", "H"),
            Map.entry("event_create", ""),
            Map.entry("pin", "HNN"),
            Map.entry("unpin", "H"),
            Map.entry("set_name", "HS"),
            Map.entry("set_content_size", "HN"),
            Map.entry("replace_as_executable", "H"));
    /** Expectations; F an info field, I the info value (its kind depends on F), G a signal, T on|off. */
    private static final Map<String, String> EXPECTATIONS = Map.ofEntries(
            Map.entry("expect_pages", "H*"),
            Map.entry("expect_bytes", "HNS"),
            Map.entry("expect_size", "HN"),
            Map.entry("expect_depth", "HNN"),
            Map.entry("expect_committed", "HN"),
            Map.entry("expect_rights", "HR"),
            Map.entry("expect_stat", "XN"),
            Map.entry("expect_name", "HS"),
            Map.entry("expect_content_size", "HN"),
            Map.entry("expect_info", "HFI"),
            Map.entry("expect_signal", "HGT"));

    private static final Set<String> BINDING = Set.of(
            "vmo_create",
            "vmo_create_child",
            "vmo_create_physical",
            "vmo_create_contiguous",
            "pager_create_vmo",
            "handle_duplicate",
            "handle_replace",
            "event_create",
            "pin",
            "replace_as_executable");

    private final Set<String> bound = new HashSet<>();
    private boolean sawSyscall;

    /** Parses a whole file. @throws ScenarioSyntaxException at the first bad line */
    static List<Statement> parse(List<String> lines) throws ScenarioSyntaxException {
        ScenarioParser p = new ScenarioParser();
        List<Statement> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Statement s = p.parseLine(i + 1, lines.get(i));
            if (s != null) {
                out.add(s);
            }
        }
        return out;
    }

    private Statement parseLine(int line, String raw) throws ScenarioSyntaxException {
        List<String> tokens = ScenarioLexer.tokens(line, raw);
        if (tokens.isEmpty()) {
            return null;
        }
        String text = String.join(" ", tokens);
        String bind = null;
        if (tokens.size() >= 2 && tokens.get(1).equals("=")) {
            bind = bindingName(line, tokens.get(0));
            tokens = tokens.subList(2, tokens.size());
            if (tokens.isEmpty()) {
                throw new ScenarioSyntaxException(line, "nothing after '" + bind + " ='");
            }
        }
        int arrow = tokens.indexOf("->");
        ZxStatus expected = arrow < 0 ? ZxStatus.OK : expectedStatus(line, tokens, arrow);
        if (arrow >= 0) {
            tokens = tokens.subList(0, arrow);
        }
        String verb = tokens.get(0);
        List<String> args = new ArrayList<>(tokens.subList(1, tokens.size()));
        if (verb.equals("config")) {
            return config(line, text, bind, arrow >= 0, args);
        }
        checkArgs(line, verb, shapeOf(line, verb, bind, arrow >= 0), args);
        if (bind != null) {
            bound.add(bind);
        }
        return new Statement(line, text, bind, verb, List.copyOf(args), expected);
    }

    /** The argument shape of {@code verb}; expectations take neither a binding nor {@code ->}. */
    private String shapeOf(int line, String verb, String bind, boolean arrow) throws ScenarioSyntaxException {
        String shape = SYSCALLS.get(verb);
        if (shape != null) {
            sawSyscall = true;
            if (bind != null && !BINDING.contains(verb)) {
                throw new ScenarioSyntaxException(line, verb + " returns no handle to bind");
            }
            return shape;
        }
        shape = EXPECTATIONS.get(verb);
        if (shape == null) {
            throw new ScenarioSyntaxException(line, "unknown statement '" + verb + "'");
        }
        if (arrow || bind != null) {
            throw new ScenarioSyntaxException(line, verb + " is an expectation: no '->' and no binding");
        }
        return shape;
    }

    private static String bindingName(int line, String name) throws ScenarioSyntaxException {
        checkName(line, name);
        if (name.equals("invalid")) {
            throw new ScenarioSyntaxException(line, "'invalid' always denotes ZX_HANDLE_INVALID and cannot be bound");
        }
        return name;
    }

    private static ZxStatus expectedStatus(int line, List<String> tokens, int arrow) throws ScenarioSyntaxException {
        if (arrow != tokens.size() - 2) {
            throw new ScenarioSyntaxException(line, "'->' must be followed by exactly one status");
        }
        return status(line, tokens.get(arrow + 1));
    }

    private Statement config(int line, String text, String bind, boolean arrow, List<String> args)
            throws ScenarioSyntaxException {
        if (sawSyscall) {
            throw new ScenarioSyntaxException(line, "config after the first syscall statement");
        }
        if (bind != null || arrow || args.isEmpty()) {
            throw new ScenarioSyntaxException(line, "config takes KEY=VALUE pairs only");
        }
        for (String kv : args) {
            int eq = kv.indexOf('=');
            String key = eq < 0 ? kv : kv.substring(0, eq);
            String value = eq < 0 ? "" : kv.substring(eq + 1);
            switch (key) {
                case "profile":
                    ScenarioValues.profile(line, value);
                    break;
                case "clones":
                    ScenarioValues.clones(line, value);
                    break;
                case "memory":
                    ScenarioValues.number(line, value);
                    break;
                default:
                    throw new ScenarioSyntaxException(line, "unknown config key '" + key + "'");
            }
        }
        return new Statement(line, text, null, "config", List.copyOf(args), ZxStatus.OK);
    }

    private void checkArgs(int line, String verb, String shape, List<String> args) throws ScenarioSyntaxException {
        if (shape.equals("H*")) {
            if (args.size() < 1) {
                throw new ScenarioSyntaxException(line, verb + " needs a handle");
            }
            checkHandle(line, args.get(0));
            for (String t : args.subList(1, args.size())) {
                ScenarioValues.pageToken(line, t);
            }
            return;
        }
        boolean optionalLast = shape.contains("?");
        String kinds = shape.replace("?", "");
        int min = optionalLast ? kinds.length() - 1 : kinds.length();
        if (args.size() < min || args.size() > kinds.length()) {
            throw new ScenarioSyntaxException(
                    line,
                    verb + " takes " + (optionalLast ? min + " or " : "") + kinds.length() + " arguments, got "
                            + args.size());
        }
        for (int i = 0; i < args.size(); i++) {
            if (kinds.charAt(i) == 'I') {
                checkInfoValue(line, args.get(i - 1), args.get(i));
            } else {
                checkArg(line, verb, kinds.charAt(i), args.get(i));
            }
        }
    }

    /** expect_info's VALUE: a handle name or {@code none} for {@code parent}, a flag set for {@code flags}, else a number. */
    private void checkInfoValue(int line, String field, String value) throws ScenarioSyntaxException {
        switch (field) {
            case "parent":
                if (!value.equals("none")) {
                    checkHandle(line, value);
                }
                break;
            case "flags":
                ScenarioValues.options(line, value, ScenarioValues.INFO_FLAGS);
                break;
            default:
                ScenarioValues.number(line, value);
                break;
        }
    }

    private void checkArg(int line, String verb, char kind, String a) throws ScenarioSyntaxException {
        switch (kind) {
            case 'H':
                checkHandle(line, a);
                break;
            case 'N':
                ScenarioValues.number(line, a);
                break;
            case 'U':
                if (Long.compareUnsigned(ScenarioValues.number(line, a), 0xFFFF_FFFFL) > 0) {
                    throw new ScenarioSyntaxException(line, "'" + a + "' does not fit in 32 bits");
                }
                break;
            case 'S':
                ScenarioValues.string(line, a);
                break;
            case 'B':
                ScenarioValues.byteToken(line, a, false);
                break;
            case 'R':
                ScenarioValues.rights(line, a);
                break;
            case 'F':
                ScenarioValues.infoField(line, a);
                break;
            case 'G':
                ScenarioValues.signal(line, a);
                break;
            case 'T':
                ScenarioValues.onOff(line, a);
                break;
            case 'O':
                ScenarioValues.options(
                        line,
                        a,
                        verb.equals("vmo_create") ? ScenarioValues.CREATE_OPTIONS : ScenarioValues.CHILD_OPTIONS);
                break;
            case 'X':
                if (verb.equals("vmo_op_range")) {
                    ScenarioValues.op(line, a);
                } else {
                    ScenarioValues.stat(line, a);
                }
                break;
            default:
                throw new IllegalStateException("argument kind " + kind);
        }
    }

    private void checkHandle(int line, String name) throws ScenarioSyntaxException {
        if (name.equals("invalid")) {
            return;
        }
        checkName(line, name);
        if (!bound.contains(name)) {
            throw new ScenarioSyntaxException(line, "name '" + name + "' is not bound by any earlier statement");
        }
    }

    private static String checkName(int line, String name) throws ScenarioSyntaxException {
        if (!name.matches("[a-z_][a-z0-9_]*")) {
            throw new ScenarioSyntaxException(line, "bad name '" + name + "' (want [a-z_][a-z0-9_]*)");
        }
        return name;
    }

    private static ZxStatus status(int line, String s) throws ScenarioSyntaxException {
        try {
            return ZxStatus.parse(s);
        } catch (IllegalArgumentException e) {
            throw new ScenarioSyntaxException(line, "unknown status '" + s + "'");
        }
    }
}
