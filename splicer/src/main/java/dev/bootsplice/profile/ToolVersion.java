package dev.bootsplice.profile;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The project version the build wrote into {@code version.properties}. */
final class ToolVersion {
    private static final String VERSION = read();

    private ToolVersion() {}

    static String get() {
        return VERSION;
    }

    private static String read() {
        try (InputStream in = ToolVersion.class.getResourceAsStream("version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
