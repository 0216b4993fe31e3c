package dev.bootsplice.vm.scenario;

import dev.bootsplice.vm.Kernel;
import dev.bootsplice.vm.Rights;
import dev.bootsplice.vm.VmStats;
import dev.bootsplice.vm.ZxException;
import dev.bootsplice.vm.ZxStatus;
import java.util.List;

/** The {@code expect_*} statements: read the model without changing it and compare. */
final class ScenarioExpectations {
    private final Kernel kernel;
    private final ScenarioInterpreter names;

    ScenarioExpectations(Kernel kernel, ScenarioInterpreter names) {
        this.kernel = kernel;
        this.names = names;
    }

    void check(Statement s) throws ScenarioInterpreter.Failure {
        try {
            String problem = problem(s);
            if (problem != null) {
                throw new ScenarioInterpreter.Failure(s.line(), s.text() + ": " + problem);
            }
        } catch (ZxException e) {
            throw new ScenarioInterpreter.Failure(s.line(), s.text() + ": " + e.getMessage());
        } catch (ScenarioSyntaxException e) {
            throw new IllegalStateException("arguments were validated by the parser", e);
        }
    }

    /** What is wrong, or null when the expectation holds. */
    private String problem(Statement s) throws ScenarioInterpreter.Failure, ScenarioSyntaxException {
        List<String> a = s.args();
        int line = s.line();
        switch (s.verb()) {
            case "expect_pages":
                return pages(s);
            case "expect_bytes":
                return bytes(
                        names.handle(s, 0),
                        ScenarioValues.number(line, a.get(1)),
                        ScenarioValues.string(line, a.get(2)));
            case "expect_size":
                return compare("size", kernel.vmoGetSize(names.handle(s, 0)), ScenarioValues.number(line, a.get(1)));
            case "expect_depth":
                return compare(
                        "lookup hops",
                        kernel.lookupDepth(names.handle(s, 0), pageIndex(a.get(1), line)),
                        ScenarioValues.number(line, a.get(2)));
            case "expect_committed":
                return compare(
                        "committed pages",
                        kernel.ownedPages(names.handle(s, 0)),
                        ScenarioValues.number(line, a.get(1)));
            case "expect_rights": {
                int got = kernel.handleRights(names.handle(s, 0));
                int want = ScenarioValues.rights(line, a.get(1));
                return got == want ? null : "expected rights " + Rights.format(want) + ", found " + Rights.format(got);
            }
            case "expect_stat":
                return compare(a.get(0), stat(a.get(0)), ScenarioValues.number(line, a.get(1)));
            case "expect_name": {
                String got = kernel.getName(names.handle(s, 0));
                String want =
                        new String(ScenarioValues.string(line, a.get(1)), java.nio.charset.StandardCharsets.UTF_8);
                return got.equals(want) ? null : "expected name \"" + want + "\", found \"" + got + "\"";
            }
            case "expect_content_size":
                return compare(
                        "content size",
                        kernel.getContentSize(names.handle(s, 0)),
                        ScenarioValues.number(line, a.get(1)));
            case "expect_info":
                return new ScenarioInfoCheck(kernel, names).problem(s);
            case "expect_signal":
                return signal(s);
            default:
                throw new IllegalStateException("unknown expectation " + s.verb());
        }
    }

    /** expect_signal: read with zx_object_wait_one and a past deadline; TIMED_OUT means off. */
    private String signal(Statement s) throws ScenarioInterpreter.Failure, ScenarioSyntaxException {
        int bit = ScenarioValues.signal(s.line(), s.args().get(1));
        boolean want = ScenarioValues.onOff(s.line(), s.args().get(2));
        boolean got;
        try {
            got = (kernel.objectWaitOne(names.handle(s, 0), bit) & bit) != 0;
        } catch (ZxException e) {
            if (e.status() != ZxStatus.ERR_TIMED_OUT) {
                throw e;
            }
            got = false;
        }
        return got == want
                ? null
                : "expected " + s.args().get(1) + " " + (want ? "on" : "off") + ", found " + (got ? "on" : "off");
    }

    /** PAGE in expect_depth is a page index; a {@code p}-suffixed value is read as pages too. */
    private static long pageIndex(String token, int line) throws ScenarioSyntaxException {
        long v = ScenarioValues.number(line, token);
        return token.endsWith("p") ? v >>> 12 : v;
    }

    /** Null when {@code got} equals {@code want}, else what was expected and found (unsigned). */
    static String compare(String what, long got, long want) {
        return got == want
                ? null
                : "expected " + what + " " + Long.toUnsignedString(want) + ", found " + Long.toUnsignedString(got);
    }

    private String pages(Statement s) throws ScenarioInterpreter.Failure, ScenarioSyntaxException {
        int handle = names.handle(s, 0);
        long sizePages = kernel.vmoGetSize(handle) >>> 12;
        List<String> tokens = s.args().subList(1, s.args().size());
        if (sizePages != tokens.size()) {
            return "expected " + tokens.size() + " pages, the VMO has " + sizePages;
        }
        for (int i = 0; i < tokens.size(); i++) {
            int want = ScenarioValues.pageToken(s.line(), tokens.get(i));
            if (want == ScenarioValues.ANY) {
                continue;
            }
            String found = describeMismatch(kernel.peekPage(handle, i), want);
            if (found != null) {
                return "page " + i + ": expected " + describeToken(want) + ", found " + found;
            }
        }
        return null;
    }

    /** Null when every byte of the page ({@link Kernel#peekPage}) equals {@code want}; else what the page holds. */
    private static String describeMismatch(byte[] got, int want) {
        if (got == null) {
            return "a pager page that was never supplied";
        }
        if (got.length == 0) {
            return want == 0 ? null : "an all-zero page";
        }
        boolean uniform = true;
        for (byte b : got) {
            if (b != got[0]) {
                uniform = false;
                break;
            }
        }
        if (uniform && (got[0] & 0xff) == want) {
            return null;
        }
        if (uniform) {
            return "every byte " + describeToken(got[0] & 0xff);
        }
        return "mixed content starting " + describeToken(got[0] & 0xff);
    }

    private static String describeToken(int b) {
        if (b == 0) {
            return "0 (zero)";
        }
        return b > ' ' && b < 0x7f
                ? "'" + (char) b + "' (0x" + Integer.toHexString(b) + ")"
                : "0x" + Integer.toHexString(b);
    }

    private String bytes(int handle, long offset, byte[] want) {
        long size = kernel.vmoGetSize(handle);
        if (Long.compareUnsigned(offset, size) > 0 || Long.compareUnsigned(want.length, size - offset) > 0) {
            return "range [" + Long.toUnsignedString(offset) + ", +" + want.length + ") outside the VMO's " + size
                    + " bytes";
        }
        byte[] page = null;
        long pageIndex = -1;
        for (int i = 0; i < want.length; i++) {
            long pos = offset + i;
            if (pos >>> 12 != pageIndex) {
                pageIndex = pos >>> 12;
                page = kernel.peekPage(handle, pageIndex);
            }
            if (page == null) {
                return "byte " + Long.toUnsignedString(pos) + " is in a pager page that was never supplied";
            }
            int got = page.length == 0 ? 0 : page[(int) (pos & 0xfff)] & 0xff;
            if (got != (want[i] & 0xff)) {
                return "byte " + Long.toUnsignedString(pos) + ": expected " + describeToken(want[i] & 0xff) + ", found "
                        + describeToken(got);
            }
        }
        return null;
    }

    private long stat(String name) {
        VmStats st = kernel.stats();
        switch (name) {
            case "pages_allocated":
                return st.pagesAllocated();
            case "pages_copied":
                return st.pagesCopied();
            case "pages_moved":
                return st.pagesMoved();
            case "pages_zeroed":
                return st.pagesZeroed();
            case "pages_freed":
                return st.pagesFreed();
            case "hidden_nodes":
                return st.hiddenNodes();
            case "vmos":
                return st.vmos();
            case "peak_pages_allocated":
                return st.peakPagesAllocated();
            case "pages_migrated":
                return st.pagesMigrated();
            case "hidden_nodes_created":
                return st.hiddenNodesCreated();
            case "vmos_created":
                return st.vmosCreated();
            default:
                throw new IllegalStateException("unknown counter " + name);
        }
    }
}
