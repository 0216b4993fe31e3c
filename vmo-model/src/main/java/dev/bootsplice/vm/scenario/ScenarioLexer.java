package dev.bootsplice.vm.scenario;

import java.util.ArrayList;
import java.util.List;

/** Splits a scenario line into tokens: spaces/tabs separate, {@code #} comments, quoted strings stay whole. */
final class ScenarioLexer {
    private ScenarioLexer() {}

    /** Tokens of one line; a string token keeps its quotes (unescaped later). */
    static List<String> tokens(int line, String raw) throws ScenarioSyntaxException {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        int i = 0;
        while (i < raw.length()) {
            char c = raw.charAt(i);
            if (c == '#') {
                break;
            }
            if (c == ' ' || c == '\t' || c == '\r') {
                flush(out, cur);
                i++;
            } else if (c == '"') {
                if (cur.length() > 0) {
                    throw new ScenarioSyntaxException(line, "quote inside a word at column " + (i + 1));
                }
                i = readString(line, raw, i, cur);
                flush(out, cur);
            } else {
                cur.append(c);
                i++;
            }
        }
        flush(out, cur);
        return out;
    }

    private static int readString(int line, String raw, int start, StringBuilder cur) throws ScenarioSyntaxException {
        cur.append('"');
        int i = start + 1;
        while (i < raw.length()) {
            char c = raw.charAt(i);
            cur.append(c);
            if (c == '\\' && i + 1 < raw.length()) {
                cur.append(raw.charAt(i + 1));
                i += 2;
                continue;
            }
            i++;
            if (c == '"') {
                if (i < raw.length() && raw.charAt(i) != ' ' && raw.charAt(i) != '\t' && raw.charAt(i) != '#') {
                    throw new ScenarioSyntaxException(line, "text right after a closing quote at column " + (i + 1));
                }
                return i;
            }
        }
        throw new ScenarioSyntaxException(line, "unterminated string");
    }

    private static void flush(List<String> out, StringBuilder cur) {
        if (cur.length() > 0) {
            out.add(cur.toString());
            cur.setLength(0);
        }
    }
}
