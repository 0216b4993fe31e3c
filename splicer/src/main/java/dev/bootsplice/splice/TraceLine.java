package dev.bootsplice.splice;

import java.util.Map;

/** One line of a trace file: a file and a run of its pages ({@code count} -1 = to the file's end). */
record TraceLine(int lineNo, String file, long firstPage, long count) {

    /** Parses {@code NAME [FIRST_PAGE [PAGE_COUNT]]}, already stripped of comments and blanks. */
    static TraceLine parse(String trace, int lineNo, String body) throws TraceException {
        String[] f = body.split("\\s+");
        if (f.length > 3) {
            throw new TraceException(
                    where(trace, lineNo) + "expected NAME [FIRST_PAGE [PAGE_COUNT]], got \"" + body + "\"");
        }
        long first = f.length > 1 ? number(trace, lineNo, f[1], "FIRST_PAGE") : 0;
        long count = f.length > 2 ? number(trace, lineNo, f[2], "PAGE_COUNT") : -1;
        if (count == 0) {
            throw new TraceException(where(trace, lineNo) + "PAGE_COUNT must be at least 1");
        }
        return new TraceLine(lineNo, f[0], first, count);
    }

    private static long number(String trace, int lineNo, String text, String what) throws TraceException {
        try {
            long value = Long.parseLong(text);
            if (value < 0) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new TraceException(where(trace, lineNo) + what + " \"" + text + "\" is not a number >= 0");
        }
    }

    /** This line's pages in the spliced file it names. */
    PageRun resolve(String trace, Map<String, FileVmo> byName) throws TraceException {
        FileVmo f = byName.get(file);
        if (f == null) {
            throw new TraceException(where(trace, lineNo) + "unknown file \"" + file + "\"");
        }
        long n = count < 0 ? f.pages() - firstPage : count;
        boolean wholeFile = count < 0 && firstPage == 0;
        if (!wholeFile && (firstPage >= f.pages() || n > f.pages() - firstPage)) {
            throw new TraceException(where(trace, lineNo) + "pages " + firstPage + "+" + (count < 0 ? "rest" : count)
                    + " outside \"" + file + "\" (" + f.pages() + (f.pages() == 1 ? " page)" : " pages)"));
        }
        return new PageRun(f, firstPage, n);
    }

    private static String where(String trace, int lineNo) {
        return "trace " + trace + ":" + lineNo + ": ";
    }
}
